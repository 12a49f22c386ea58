/* assets: the dashboard's one script, served as /static/app.js (no build step,
 * no external source). It submits the municipality choice on change and
 * carries a token given in the address to the forms and the links; a choice
 * in a list (municipality, figure, group) submits its form. */
const char styr_app_js[] =
    "/* styr dashboard: choose municipality, period, figure and group; carry the token. */\n"
    "(function () {\n"
    "  'use strict';\n"
    "  var params = new URLSearchParams(window.location.search);\n"
    "  var token = params.get('token') || '';\n"
    "  document.querySelectorAll('form').forEach(function (form) {\n"
    "    form.querySelectorAll('input[name=token]').forEach(function (t) {\n"
    "      if (token) { t.value = token; } else { t.removeAttribute('name'); }\n"
    "    });\n"
    "    form.querySelectorAll('select').forEach(function (s) {\n"
    "      s.addEventListener('change', function () { form.submit(); });\n"
    "    });\n"
    "  });\n"
    "  if (token) {\n"
    "    document.querySelectorAll('a.nav').forEach(function (a) {\n"
    "      var u = new URL(a.getAttribute('href'), window.location.href);\n"
    "      u.searchParams.set('token', token);\n"
    "      a.setAttribute('href', u.pathname + u.search);\n"
    "    });\n"
    "  }\n"
    "})();\n";
