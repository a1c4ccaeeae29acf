-- Database roles of a server installation: an owner that the migrations run as, and the application
-- role that the gateways (and the bootstrap / create-admin commands) connect as. Neither is a superuser.
--
--   owner_role (town_owner)  owns the database and its public schema. The migrate job connects as it and
--                            creates every table, index, function and trigger, so it owns them all.
--   app_role   (town_app)    reads and writes rows (SELECT, INSERT, UPDATE, DELETE) of every table the
--                            owner creates, now and in later migrations (default privileges); no DDL, no
--                            TRUNCATE, no other database.
--
-- docker-compose.yml has the postgres image run it once, when it initialises an empty data directory,
-- through init-app-role.sh, as the superuser, connected to the application's database. psql variables:
-- db_name, owner_role, owner_password, app_role, app_password (every one is set by init-app-role.sh).
-- apps/gateway/tests/bootstrap.e2e-spec.ts runs this file against a fresh database of its own.

CREATE ROLE :"owner_role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE :"app_role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';

-- The database and its schema belong to the owner; others may not even connect (PUBLIC may by default).
ALTER DATABASE :"db_name" OWNER TO :"owner_role";
REVOKE ALL ON DATABASE :"db_name" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db_name" TO :"app_role";
ALTER SCHEMA public OWNER TO :"owner_role";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app_role";

-- The extensions, created here as the superuser. The first migration's (ltree, pg_trgm): its CREATE EXTENSION
-- IF NOT EXISTS then finds them and does nothing. uuid-ossp: TypeORM's driver asks for it (CREATE EXTENSION
-- IF NOT EXISTS "uuid-ossp") on every connect, the entities having generated uuid columns; present, that is a
-- no-op for the application role too, which may not create extensions. (All three are trusted extensions,
-- which the database owner could also create.)
CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;

-- Rows, not structure, of whatever the owner creates from now on.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_role";

-- The job queue of webhooks: pg-boss's schema (pgboss), which a migration creates as the owner with its queues
-- (partition tables), so the gateways need no DDL; they use its schema and read and write its rows. Not limited
-- to a schema: it does not exist yet when this runs (the grants apply to the schemas and tables the owner creates).
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" GRANT USAGE ON SCHEMAS TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
