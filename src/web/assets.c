/* assets: the dashboard's one script, served as /static/app.js (no build step,
 * no external source). It submits the municipality choice on change and
 * carries a token given in the address to the form and the links. */
const char styr_app_js[] =
    "/* styr dashboard: choose municipality and period; carry the token. */\n"
    "(function () {\n"
    "  'use strict';\n"
    "  var params = new URLSearchParams(window.location.search);\n"
    "  var token = params.get('token') || '';\n"
    "  var form = document.getElementById('vaelg');\n"
    "  if (form) {\n"
    "    var t = document.getElementById('token');\n"
    "    if (t) { if (token) { t.value = token; } else { t.removeAttribute('name'); } }\n"
    "    var k = document.getElementById('kommune');\n"
    "    if (k) { k.addEventListener('change', function () { form.submit(); }); }\n"
    "  }\n"
    "  if (token) {\n"
    "    document.querySelectorAll('a.nav').forEach(function (a) {\n"
    "      var u = new URL(a.getAttribute('href'), window.location.href);\n"
    "      u.searchParams.set('token', token);\n"
    "      a.setAttribute('href', u.pathname + u.search);\n"
    "    });\n"
    "  }\n"
    "})();\n";
