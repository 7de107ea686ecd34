#!/bin/sh
# Writes the METHOD and path template of every route of Lightly's API v1 that Lightly's generated
# Python client knows (lightly/openapi_generated/swagger_client/api/*_api.py), one per line, from a
# git clone of lightly-ai/lightly. Only the paths and methods are taken (facts), no code.
# usage: server/tools/lightly-routes.sh /path/to/lightly.git [tag] > server/src/main/resources/org/lightlyjava/server/http/lightly-routes.txt
set -eu
repo=$1
tag=${2:-v1.5.26}
echo "# Lightly API v1 routes known to Lightly's Python client $tag (METHOD path), from"
echo "# lightly/openapi_generated/swagger_client/api/*_api.py; regenerate with server/tools/lightly-routes.sh"
for f in $(git -C "$repo" ls-tree -r --name-only "$tag" lightly/openapi_generated/swagger_client/api | grep '_api\.py$'); do
    git -C "$repo" show "$tag:$f" \
        | grep -oE "^[[:space:]]*'(/[^']+)', '(GET|POST|PUT|DELETE|PATCH)'" \
        | sed -E "s/^[[:space:]]*'([^']+)', '([A-Z]+)'/\2 \1/"
done | LC_ALL=C sort -u
