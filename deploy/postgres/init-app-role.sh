#!/bin/sh
# Creates the installation's database roles (app-role.sql: the owner town_owner that migrations run as,
# the application role town_app that the gateways connect as). docker-compose.yml mounts this file into
# /docker-entrypoint-initdb.d/ and app-role.sql into /town-deploy/: the postgres image runs it once, as
# the superuser, when it initialises an empty data directory (not for an existing volume).
#
# Reads POSTGRES_USER and POSTGRES_DB (the image's) and TOWN_OWNER_PASSWORD and TOWN_APP_PASSWORD (set them
# for the postgres service); TOWN_OWNER_ROLE and TOWN_APP_ROLE rename the roles, TOWN_ROLE_SQL points at
# the SQL elsewhere. By hand, against a server: PGHOST=… POSTGRES_USER=postgres POSTGRES_DB=town
# TOWN_OWNER_PASSWORD=… TOWN_APP_PASSWORD=… TOWN_ROLE_SQL=deploy/postgres/app-role.sql sh deploy/postgres/init-app-role.sh
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:?set POSTGRES_DB to the application database}" \
  --set db_name="$POSTGRES_DB" \
  --set owner_role="${TOWN_OWNER_ROLE:-town_owner}" \
  --set owner_password="${TOWN_OWNER_PASSWORD:?set TOWN_OWNER_PASSWORD for the owner role that migrations run as}" \
  --set app_role="${TOWN_APP_ROLE:-town_app}" \
  --set app_password="${TOWN_APP_PASSWORD:?set TOWN_APP_PASSWORD for the application role that the gateways connect as}" \
  --file "${TOWN_ROLE_SQL:-/town-deploy/app-role.sql}"
