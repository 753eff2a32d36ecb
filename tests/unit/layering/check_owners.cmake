# Fails (and names the file and line) when a front end makes its own keychain store, token
# resolver, history store or server probe, removes manual-login markers itself, or writes the
# config file itself: app/ (the commands and the tray's wiring) and ui/ ask the one owner,
# AppRuntime (docs/architecture.md "Who owns what"), for tokens, keychain writes, the history,
# probes and config writes (changeConfig, writeConfig).
file(GLOB_RECURSE sources "${ROOT}/app/*.h" "${ROOT}/app/*.cpp" "${ROOT}/ui/*.h" "${ROOT}/ui/*.cpp")
set(owned "SecretStore|TokenResolver|HistoryStore|GotifyProbe|OpenImProbe|KeychainWatcher")
set(writers "saveConfigChanges|saveConfigJson|writeConfigDocument|patchOpenImToken")
include(${CMAKE_CURRENT_LIST_DIR}/sourcelines.cmake)
set(bad "")
foreach(f IN LISTS sources)
  read_source_lines("${f}" lines)
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    string(REGEX REPLACE "//.*$" "" code "${line}") # comments may name the writers
    if(line MATCHES "^[ \t]*(const[ \t]+)?(${owned})[ \t]+[a-z_][A-Za-z0-9_]*[ \t]*(<semicolon>|[({])"
       OR line MATCHES "new[ \t]+(${owned})[ \t]*[({]"
       OR line MATCHES "make_(unique|shared)<(${owned})>"
       OR line MATCHES "#[ \t]*include[ \t]*\"(refresh/manualloginmarker|config/configsaver)\\.h\""
       OR code MATCHES "(^|[^A-Za-z0-9_])(${writers})[ \t]*\\(")
      string(APPEND bad "\n  ${f}:${n}: ${line}")
    endif()
  endforeach()
endforeach()
list(LENGTH sources count)
if(bad)
  message(FATAL_ERROR "app/ and ui/ must ask AppRuntime, not make these themselves:${bad}")
endif()
message(STATUS "checked ${count} app/ and ui/ files: tokens, keychain, history, probes and config writes are the runtime's")
