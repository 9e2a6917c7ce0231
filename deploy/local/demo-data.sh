# The demo data of the platform brief, loaded through the gateway with real Keycloak tokens, the way a
# person would enter it. Each item is created only when it is absent, so loading again changes nothing.
# Sourced by up.sh (which provides BWU_GATEWAY_PORT, BWU_KEYCLOAK_PORT, BWU_LOCAL_DIR, log_file, info); defines
# load_demo_data.

DEMO_GATEWAY=http://localhost:$BWU_GATEWAY_PORT
DEMO_LOG=$(log_file demo-data)
DEMO_CREATED=0
DEMO_PRESENT=0
# Other services learn of a new factory through Kafka; until then they refuse work for it.
DEMO_SETTLE_SECONDS=${BWU_DEMO_SETTLE_SECONDS:-60}

demo_token() {
    curl -sf "http://localhost:$BWU_KEYCLOAK_PORT/realms/bwu/protocol/openid-connect/token" \
        -d grant_type=password -d client_id=bwu-cli -d username="$1" -d password="$1" |
        sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# demo_call METHOD PATH TOKEN [JSON]: sets DEMO_STATUS and DEMO_BODY (whitespace removed, for matching).
demo_call() {
    local method=$1 path=$2 token=$3 body=${4:-} out
    out=$(mktemp)
    local args=(-s -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token"
        -H 'Accept: application/json')
    [[ -z $body ]] || args+=(-H 'Content-Type: application/json' --data "$body")
    DEMO_STATUS=$(curl "${args[@]}" "$DEMO_GATEWAY$path") || DEMO_STATUS=000
    printf '%s %s -> %s %s\n' "$method" "$path" "$DEMO_STATUS" "$(tr -d '\n\r' <"$out" | head -c 300)" >>"$DEMO_LOG"
    DEMO_BODY=$(tr -d ' \n\t\r' <"$out")
    rm -f "$out"
}

# Like demo_call, but retried while the answer is not a success: a write that depends on an event
# (a factory the licence service has not heard of yet) succeeds once the event has arrived.
demo_write() {
    local deadline=$((SECONDS + DEMO_SETTLE_SECONDS))
    while :; do
        demo_call "$@"
        [[ $DEMO_STATUS == 2* ]] && { DEMO_CREATED=$((DEMO_CREATED + 1)); return 0; }
        ((SECONDS < deadline)) || { echo "gave up: $1 $2 answered $DEMO_STATUS" >>"$DEMO_LOG"; return 1; }
        sleep 1
    done
}

demo_factory() {   # id name country kind capabilities-json
    local token=$1 id=$2 name=$3 country=$4 kind=$5 capabilities=$6
    demo_call GET "/api/factories/$id" "$token"
    if [[ $DEMO_STATUS == 404 ]]; then
        demo_write POST /api/factories "$token" \
            "{\"id\":\"$id\",\"name\":\"$name\",\"country\":\"$country\",\"kind\":\"$kind\",\"capabilities\":$capabilities}" ||
            return 1
    elif [[ $DEMO_STATUS == 200 ]]; then
        DEMO_PRESENT=$((DEMO_PRESENT + 1))
    else
        return 1
    fi
    # activated once, after registration; a factory someone suspended since stays suspended
    if [[ $DEMO_BODY == *'"status":"ONBOARDING"'* ]]; then
        demo_write POST "/api/factories/$id/status" "$token" '{"status":"ACTIVE","reason":"demo data"}' || return 1
    fi
}

demo_technology() {   # token code name category control-list-entry
    local token=$1 code=$2
    demo_call GET "/api/technologies/$code" "$token"
    if [[ $DEMO_STATUS == 200 ]]; then
        DEMO_PRESENT=$((DEMO_PRESENT + 1))
        return 0
    fi
    [[ $DEMO_STATUS == 404 ]] || return 1
    demo_write POST /api/technologies "$token" \
        "{\"code\":\"$code\",\"name\":\"$3\",\"category\":\"$4\",\"controlListEntry\":\"$5\",\"owner\":\"Ukraine\"}"
}

demo_licence() {   # token factory technology activities-json cap territories-json
    local token=$1 factory=$2 technology=$3
    demo_call GET "/api/licences?factoryId=$factory&technologyCode=$technology" "$token"
    [[ $DEMO_STATUS == 200 ]] || return 1
    if [[ $DEMO_BODY == *"\"technologyCode\":\"$technology\""* ]]; then
        DEMO_PRESENT=$((DEMO_PRESENT + 1))
        return 0
    fi
    local from to
    from=$(date -u +%Y-%m-%d)
    to=$(date -u -d '+2 years' +%Y-%m-%d)
    demo_write POST /api/licences "$token" \
        "{\"technologyCode\":\"$technology\",\"factoryId\":\"$factory\",\"activities\":$4,\"quantityCap\":$5,\"validFrom\":\"$from\",\"validTo\":\"$to\",\"exportTerritories\":$6}"
}

# The RFC 9530 digest of a file, as the licence service checks it on upload: sha-256=:<base64>:. Only
# coreutils: the hex digest turned into bytes by printf.
demo_digest() {
    local hex
    hex=$(sha256sum "$1" | cut -c1-64)
    printf 'sha-256=:%s:' "$(printf '%b' "$(sed 's/../\\x&/g' <<<"$hex")" | base64 -w0)"
}

# demo_upload TOKEN PATH FILE MEDIA-TYPE: a file streamed to the licence service; PUT, so a retry replaces it.
demo_upload() {
    local token=$1 path=$2 file=$3 media=$4 out
    out=$(mktemp)
    DEMO_STATUS=$(curl -s -o "$out" -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
        -H "Content-Type: $media" -H "Content-Digest: $(demo_digest "$file")" -T "$file" \
        "$DEMO_GATEWAY$path") || DEMO_STATUS=000
    printf 'PUT %s -> %s %s\n' "$path" "$DEMO_STATUS" "$(tr -d '\n\r' <"$out" | head -c 300)" >>"$DEMO_LOG"
    rm -f "$out"
    [[ $DEMO_STATUS == 20[01] ]] && DEMO_CREATED=$((DEMO_CREATED + 1))
}

# A released revision of the technology's technical data, from the files of demo/<code>: present as soon as the
# technology has any RELEASED revision. A DRAFT left by an interrupted run is filled and released, not doubled.
demo_release() {   # token code notes
    local token=$1 code=$2 notes=$3 revision file
    demo_call GET "/api/technologies/$code/releases" "$token"
    [[ $DEMO_STATUS == 200 ]] || return 1
    if [[ $DEMO_BODY == *'"state":"RELEASED"'* ]]; then
        DEMO_PRESENT=$((DEMO_PRESENT + 1))
        return 0
    fi
    revision=$(sed -n 's/.*"revision":"\([A-Z]*\)","state":"DRAFT".*/\1/p' <<<"$DEMO_BODY")
    if [[ -z $revision ]]; then
        demo_write POST "/api/technologies/$code/releases" "$token" "{\"notes\":\"$notes\"}" || return 1
        revision=$(sed -n 's/.*"revision":"\([A-Z]*\)".*/\1/p' <<<"$DEMO_BODY")
    fi
    for file in "$BWU_LOCAL_DIR/demo/$code"/*; do
        local media=text/plain
        [[ $file == *.pdf ]] && media=application/pdf
        demo_upload "$token" "/api/technologies/$code/releases/$revision/files/${file##*/}" "$file" "$media" ||
            return 1
    done
    demo_write POST "/api/technologies/$code/releases/$revision/release" "$token"
}

demo_line() {   # token line factory technology capacity
    local token=$1 line=$2
    demo_call GET "/api/lines/$line" "$token"
    if [[ $DEMO_STATUS == 200 ]]; then
        DEMO_PRESENT=$((DEMO_PRESENT + 1))
        return 0
    fi
    [[ $DEMO_STATUS == 404 ]] || return 1
    demo_write PUT "/api/lines/$line" "$token" \
        "{\"factoryId\":\"$3\",\"technologyCode\":\"$4\",\"nominalCapacityPerDay\":$5}"
}

load_demo_data() {
    local admin officer
    printf '\n---- %s: loading demo data\n' "$(date -Is)" >>"$DEMO_LOG"
    admin=$(demo_token netadmin)
    officer=$(demo_token officer)
    [[ -n $admin && -n $officer ]] || { echo "no token for netadmin or officer from Keycloak" >>"$DEMO_LOG"; return 1; }

    demo_factory "$admin" de-munich "Munich drone works" DE MANUFACTURER '["FPV_DRONE","RECON_UAV"]' || return 1
    demo_factory "$admin" uk-bristol "Bristol UAV works" GB MANUFACTURER '["RECON_UAV"]' || return 1
    local centre
    for centre in "ee-tallinn Tallinn EE" "lv-riga Riga LV" "lt-vilnius Vilnius LT" "lt-klaipeda Klaipeda LT" \
        "fi-helsinki Helsinki FI" "se-gothenburg Gothenburg SE" "no-oslo Oslo NO" "dk-aarhus Aarhus DK" \
        "is-reykjavik Reykjavik IS" "pl-rzeszow Rzeszow PL"; do
        set -- $centre
        demo_factory "$admin" "$1" "$2 export centre" "$3" EXPORT_CENTRE '[]' || return 1
    done

    demo_technology "$officer" UA-FPV-7 "FPV strike drone, 7 inch" FPV_DRONE ML10 || return 1
    demo_technology "$officer" UA-RECON-3 "Reconnaissance UAV" RECON_UAV ML10 || return 1

    local nordic_baltic='["EE","LV","LT","FI","SE","NO","DK","IS","PL"]'
    demo_licence "$officer" de-munich UA-FPV-7 '["PRODUCE","EXPORT"]' 100000 "$nordic_baltic" || return 1
    demo_licence "$officer" uk-bristol UA-RECON-3 '["PRODUCE","EXPORT"]' 20000 '["NO","DK","FI"]' || return 1

    demo_release "$officer" UA-FPV-7 "Demonstration release: assembly instructions and bill of materials" ||
        return 1

    demo_line "$admin" DE-MUC-01 de-munich UA-FPV-7 400 || return 1
    demo_line "$admin" DE-MUC-02 de-munich UA-FPV-7 250 || return 1
    demo_line "$admin" UK-BRS-01 uk-bristol UA-RECON-3 60 || return 1

    info "demo data: $DEMO_CREATED changes made, $DEMO_PRESENT items already present (log: $DEMO_LOG)"
}
