#!/bin/sh
# Builds the WordPress fixtures of the importer's tests from a real WordPress: Debian's packages,
# a throwaway site in /tmp, the content written with WordPress's own PHP API (make-export.php),
# then WordPress's own export_wp(). Writes, beside this script:
#   export.xml          the WXR file (Tools > Export > All content)
#   uploads/            a copy of the site's wp-content/uploads
#   urls-postname.txt   every public address under /%postname%/, with WordPress's answer, crawled with curl
#   urls-dated.txt      the same under /%year%/%monthnum%/%day%/%postname%/
# Needs root: apt-get install -y wordpress php-cli php-mysql php-gd mariadb-server curl
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/wp-fixture}
PORT=${PORT:-47123}
SOCK=$WORK/run/mysqld.sock
rm -rf "$WORK" && mkdir -p "$WORK/db" "$WORK/run"
chown mysql:mysql "$WORK/db" "$WORK/run"
mariadb-install-db --user=mysql --datadir="$WORK/db" >/dev/null
mariadbd --user=mysql --datadir="$WORK/db" --socket="$SOCK" --skip-networking >"$WORK/mysqld.log" 2>&1 &
DBPID=$!
PHPPID=
trap 'kill $DBPID ${PHPPID:-} 2>/dev/null || true' EXIT
for i in $(seq 1 30); do [ -S "$SOCK" ] && break; sleep 1; done
mariadb -S "$SOCK" -uroot -e "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"
cp -rL /usr/share/wordpress "$WORK/site"
cat >"$WORK/site/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$SOCK'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
define('WP_HOME', 'http://127.0.0.1:$PORT'); define('WP_SITEURL', 'http://127.0.0.1:$PORT');
define('WP_CONTENT_DIR', '$WORK/site/wp-content'); define('WP_CONTENT_URL', 'http://127.0.0.1:$PORT/wp-content');
define('FS_METHOD', 'direct'); define('WP_DEBUG', false); define('DISABLE_WP_CRON', true);
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP
# A router for php -S: files as they are, everything else through index.php (as mod_rewrite would).
cat >"$WORK/site/router.php" <<'PHP'
<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file(__DIR__ . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
PHP
cd "$WORK/site"
HTTP_HOST=127.0.0.1:$PORT php "$HERE/make-export.php" "$WORK" >"$WORK/export.xml"
php -S 127.0.0.1:$PORT router.php >"$WORK/php-server.log" 2>&1 &
PHPPID=$!
sleep 2
crawl() {
    while read -r url; do
        code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$url")
        echo "${url#http://127.0.0.1:$PORT} $code" | sed 's/ *$//'
    done
}
permalinks() {
    HTTP_HOST=127.0.0.1:$PORT php -r 'require "wp-load.php"; global $wp_rewrite;
        $wp_rewrite->set_permalink_structure($argv[1]); flush_rewrite_rules(false);' "$1"
}
# In a fresh process, so that the taxonomies' rewrite rules are made with the permalinks on.
permalinks /%postname%/
crawl <"$WORK/urls-postname.list" >"$HERE/urls-postname.txt"
permalinks /%year%/%monthnum%/%day%/%postname%/
crawl <"$WORK/urls-dated.list" >"$HERE/urls-dated.txt"
cp "$WORK/export.xml" "$HERE/export.xml"
rm -rf "$HERE/uploads" && cp -r "$WORK/site/wp-content/uploads" "$HERE/uploads"
echo "fixtures written to $HERE"
