#!/usr/bin/env sh
# Installs code-server into DIR (default /tmp/code-server), outside the checkout, for
# test/vscode-activation.test.ts and scripts/screenshot-vscode.mjs. A manual step, not part of CI:
# code-server is not a dependency of meshlint (hundreds of MB, native modules to compile).
#
#   apt-get install -y g++ make python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium
#   sh scripts/install-code-server.sh /tmp/code-server
#   export MESHLINT_CODE_SERVER=/tmp/code-server/node_modules/.bin/code-server
#
# code-server's own postinstall is replayed here by hand, because one of its steps downloads
# ripgrep from GitHub (@vscode/ripgrep): Debian's rg takes its place. 4.100.3 is the newest
# code-server whose server runs on Node 20 (4.103 wants Node 22, 4.139 Node 24).
set -eu
dir="${1:-/tmp/code-server}"
version="${CODE_SERVER_VERSION:-4.100.3}"
rg="$(command -v rg)" || { echo "install-code-server: no rg on PATH (apt-get install ripgrep)" >&2; exit 1; }
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "code-server@$version"
npm rebuild argon2
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
# The native modules VS Code's server loads on Linux; node-pty's script runs `npx node-gyp`.
npm_config_yes=true npm rebuild @parcel/watcher @vscode/spdlog @vscode/deviceid kerberos native-watchdog node-pty
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$rg" node_modules/@vscode/ripgrep/bin/rg
# What code-server's postinstall.sh does after its install: extensions look for files under
# node_modules.asar, and the built-in extensions have dependencies of their own.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev)
echo "installed code-server $version: export MESHLINT_CODE_SERVER=$dir/node_modules/.bin/code-server"
