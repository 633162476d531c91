#!/bin/sh
# The one-shot "init" service of docker-compose.yml, run at every `docker compose up`.
# First run (no database yet): creates it with every addon of /mnt/extra-addons, demo data
# (MENTORING_DEMO=0 for none), English and French (Canada) active and English the language
# of new contacts. Later runs update the addons (-u), so that what `git pull` brought
# (fields, views, data) is applied, and install any addon added since.
# Settings come from /etc/odoo/odoo.conf (docker/odoo.conf) and the environment (PG*
# variables for PostgreSQL, ODOO_* for Odoo's options, MENTORING_COMPANY_* for the company).
set -eu
database="${MENTORING_DB:-mentoring}"
addons_dir="${MENTORING_ADDONS_DIR:-/mnt/extra-addons}"
addons=$(cd "$addons_dir" && for manifest in */__manifest__.py; do dirname "$manifest"; done \
    | paste -sd, -)

tries=0
until pg_isready -q -d postgres; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
        echo "mentoring-init: PostgreSQL at ${PGHOST:-localhost} does not answer" >&2
        exit 1
    fi
    sleep 1
done

installed=$(psql -X -d "$database" -tAc \
    "SELECT 1 FROM ir_module_module WHERE name = 'base' AND state = 'installed'" \
    2>/dev/null || true)
if [ "$installed" = 1 ]; then
    echo "mentoring-init: database $database exists: updating $addons"
    exec odoo --database="$database" --update="$addons" --init="$addons" \
        --stop-after-init --no-http
fi

echo "mentoring-init: new database $database: installing $addons"
case "${MENTORING_DEMO:-1}" in
    0 | false | False | no) demo="" ;;
    *) demo="--with-demo" ;;
esac
# shellcheck disable=SC2086 # $demo is one option or none
exec odoo --database="$database" --init="$addons" $demo --load-language=en_US,fr_CA \
    --stop-after-init --no-http
