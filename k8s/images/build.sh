#!/usr/bin/env bash
# Builds the image of every application from its module's src/main/docker/Dockerfile.jvm (build context: the
# module), named and tagged as the `images:` of k8s/base/kustomization.yaml say (newName if set, else name;
# newTag), and pushes them with --push. Run after `mvn package` (the Maven profile "images" of k8s/pom.xml does
# both: mvn -B -Pimages package -DskipTests [-Dimages.push=true]).
# DOCKER selects the client (docker, podman, or `echo` to print the commands).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
docker="${DOCKER:-docker}"
push=false
[[ "${1:-}" == "--push" || "${1:-}" == "--push=true" ]] && push=true

# name|newName|newTag for each entry of the images: list
entries="$(awk '
  /^images:/ { inside = 1; next }
  inside && /^[^ #-]/ { inside = 0 }
  inside && /- name:/ { if (name != "") print name "|" newName "|" newTag; name = $3; newName = ""; newTag = "" }
  inside && /newName:/ { newName = $2 }
  inside && /newTag:/ { newTag = $2 }
  END { if (name != "") print name "|" newName "|" newTag }
' "$root/k8s/base/kustomization.yaml")"

while IFS="|" read -r name newName newTag; do
  app="${name##*/}"
  if [[ "$app" == gateway ]]; then module="$root/gateway"; else module="$root/services/$app"; fi
  dockerfile="$module/src/main/docker/Dockerfile.jvm"
  if [[ ! -f "$dockerfile" ]]; then
    echo "$dockerfile is missing: every application builds its image from its own Dockerfile" >&2
    exit 1
  fi
  if [[ ! -d "$module/target/quarkus-app" && "$docker" != echo ]]; then
    echo "$module/target/quarkus-app is missing: run mvn package first" >&2
    exit 1
  fi
  image="${newName:-$name}:${newTag:?no newTag for $name in k8s/base/kustomization.yaml}"
  "$docker" build --pull -f "$dockerfile" -t "$image" "$module"
  if $push; then
    "$docker" push "$image"
  fi
done <<< "$entries"
