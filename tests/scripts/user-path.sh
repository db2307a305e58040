#!/usr/bin/env bash
# Follows the README's "Getting started" in a fresh folder, as a user would: the commands and
# code are read from the README itself (so the README cannot drift from what works), with the
# API pages of vod's ListAppInfo (zh-CN and en-US) from ../shared/corpus-wide.
#
# Where the script departs from the letter, it says why:
# - step 1 installs with `--debug --root <tmp>` and this repository's target folder, so the
#   binary the workspace tests built is reused (a release build takes minutes);
# - step 3 points `[patch.crates-io]` at this checkout's runtime/ and copies this repository's
#   Cargo.lock, so dependency versions are the tested ones and nothing new is compiled;
# - step 4 runs the program (the binary cargo built, as HOME must stay for cargo) without
#   credentials (HOME is a scratch folder, no ALIBABA_CLOUD_* variables, the ECS metadata probe
#   is off): the call reaches the credentials chain and must fail there, saying so.
#
# Usage: tests/scripts/user-path.sh   (from anywhere; needs ../shared next to the checkout)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$(cd "$repo/.." && pwd)/shared/corpus-wide/vod"
readme="$repo/README.md"
[ -d "$shared" ] || { echo "user-path: no docs at $shared" >&2; exit 1; }
work="$(mktemp -d)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$repo/target"
export CARGO_TERM_COLOR=never
start=$SECONDS
step() { echo "== user-path: $* ($((SECONDS - start)) s)"; }

# The first fenced block of language $2 after the heading line $1 (a `#` line, matched whole).
block() {
  awk -v heading="$1" -v lang="$2" '
    $0 == heading { found = 1; next }
    found && !inside && $0 == "```" lang { inside = 1; next }
    inside && $0 == "```" { exit }
    inside { print }
  ' "$readme"
}
# A block's command lines, comments after `#` and blank lines dropped.
commands() { block "$1" sh | sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d'; }

step "1. install"
install_line="$(commands '### 1. Install the generator' | head -n 1)"
[ "$install_line" = "cargo install --locked --path generator" ] || {
  echo "user-path: the README's install command is now: $install_line" >&2; exit 1; }
(cd "$repo" && eval "$install_line --debug --root \"$work/install\" --quiet")
export PATH="$work/install/bin:$PATH"
aliyun-codegen --version

step "2. generate"
cd "$work"
mapfile -t generate_lines < <(commands '### 2. Generate a crate into your project')
[ "${#generate_lines[@]}" -eq 3 ] || { echo "user-path: step 2 has ${#generate_lines[@]} commands" >&2; exit 1; }
eval "${generate_lines[0]}"                   # cargo new my-app && cd my-app
eval "${generate_lines[1]}"                   # mkdir -p docs/vod
# The user puts the pages there: both languages of one API, side by side.
cp "$shared/en-US/ListAppInfo.md" docs/vod/ListAppInfo.md
cp "$shared/zh-CN/ListAppInfo.md" docs/vod/ListAppInfo.zh-CN.md
eval "${generate_lines[2]}"                   # aliyun-codegen generate docs/vod crates/aliyun-vod
grep -q '^aliyun-runtime = { version = ' crates/aliyun-vod/Cargo.toml
if grep -rn -e "$work" -e "$repo" crates/aliyun-vod; then
  echo "user-path: a generated file names a folder of this machine" >&2; exit 1
fi

step "3. depend"
# cargo new's manifest ends with an empty [dependencies]; the README's block replaces it.
sed -i '/^\[dependencies\]$/d' Cargo.toml
block '### 3. Depend on it' toml | sed "s|\.\./aliyun-codegen/runtime|$repo/runtime|" >> Cargo.toml
grep -q "^aliyun-runtime = { path = \"$repo/runtime\" }" Cargo.toml
cp "$repo/Cargo.lock" Cargo.lock

step "4. call"
block '### 4. Make a call' rust,ignore > src/main.rs
[ -s src/main.rs ] || { echo "user-path: no code in step 4" >&2; exit 1; }
cargo build --quiet --offline
mkdir -p "$work/home"
output="$(env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET \
  -u ALIBABA_CLOUD_SECURITY_TOKEN -u ALIBABA_CLOUD_PROFILE -u ALIBABA_CLOUD_ROLE_ARN \
  -u ALIBABA_CLOUD_CREDENTIALS_FILE -u ALIBABA_CLOUD_CREDENTIALS_URI \
  HOME="$work/home" ALIBABA_CLOUD_ECS_METADATA_DISABLED=true \
  "$CARGO_TARGET_DIR/debug/my-app" 2>&1)"
echo "$output"
grep -q "ListAppInfo failed: .*credentials" <<<"$output" || {
  echo "user-path: the call did not stop at the credentials chain" >&2; exit 1; }

step "5. regenerate"
while read -r line; do
  eval "$line"
done < <(commands '### 5. Regenerate after a doc refresh')

step "done"
