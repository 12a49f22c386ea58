# shellcheck shell=bash
# styr hent (issue 13 §1): the command line, without a network. The downloads
# themselves are tested against a local server in tests/web/hent_test.sh.
has hent-help "--token-fil FIL" hent --help
has hent-help-en "--token-fil FILE" --lang en hent --help
has hent-in-usage "hent       hent offentlige tabeller" --help
run hent-no-source 1 hent
run hent-bad-source 1 hent dst FOLK1A
run hent-no-table 1 hent jobindsats -w ws --token-fil tok
run hent-no-token 1 hent jobindsats -w ws --tabel y01a02
run hent-statbank-token 1 hent statistikbanken -w ws FOLK1A --token-fil tok
run hent-missing-ws 3 hent statistikbanken -w nosuch.ws FOLK1A --url http://127.0.0.1:1
"$STYR" init ws --kommune 730 > /dev/null
printf 'abc\n' > tok && chmod 600 tok
run hent-bad-table 1 hent jobindsats -w ws --tabel 'y01a02,y0;1' --token-fil tok --url http://127.0.0.1:1
run hent-bad-period-en 1 --lang en hent jobindsats -w ws --tabel y01a02 --periode 2024Q5 --token-fil tok --url http://127.0.0.1:1
run hent-bad-url 1 hent jobindsats -w ws --tabel y01a02 --token-fil tok --url ftp://example.org
run hent-bad-tid 1 hent statistikbanken -w ws FOLK1A --periode 2024Q1 --url http://127.0.0.1:1
printf 'a b\n' > spaced && chmod 600 spaced
run hent-token-blank 1 hent jobindsats -w ws --tabel y01a02 --token-fil spaced --url http://127.0.0.1:1
