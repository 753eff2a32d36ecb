# Fails (and names the file and line) when ui/ or the tray's wiring reaches into AppRuntime's
# parts instead of calling its methods and observing its signals (docs/architecture.md "Who owns
# what"): the pipeline, the notification policy, the token refresher, the health monitor, the
# network monitor, the token resolver, the keychain store, the config file's writers. The
# registry ui/ gets is const (the compiler refuses changing it or its connections).
file(GLOB_RECURSE sources "${ROOT}/ui/*.h" "${ROOT}/ui/*.cpp" "${ROOT}/app/tray*.h" "${ROOT}/app/tray*.cpp")
set(parts "InboundPipeline|NotificationPolicy|TokenRefresher|HealthMonitor|ConnectivityMonitor|NetworkRecovery|TokenResolver|SecretStore|ConfigTokenPatcher|ConfigDocument")
set(calls "pipeline|notifications|refresher|connectivity|tokens|health")
set(writers "saveConfigChanges|saveConfigJson|writeConfigDocument|readConfigDocument|patchOpenImToken")
include(${CMAKE_CURRENT_LIST_DIR}/sourcelines.cmake)
set(bad "")
foreach(f IN LISTS sources)
  read_source_lines("${f}" lines)
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    string(REGEX REPLACE "//.*$" "" code "${line}") # comments may name them
    # A part's static helpers (TokenResolver::fieldsFor, NotificationPolicy::summary) are fine.
    if(code MATCHES "(^|[^A-Za-z0-9_])(${parts})([^A-Za-z0-9_:]|$)"
       OR code MATCHES "runtime(\\.|->)(${calls})\\(\\)"
       OR code MATCHES "(^|[^A-Za-z0-9_])(${writers})[ \t]*\\("
       OR code MATCHES "#[ \t]*include[ \t]*\"(inbound/inboundpipeline|refresh/|accounts/healthmonitor|connectivity/|secrets/secretstore|secrets/keychain|config/configsaver|config/configdocument)")
      string(APPEND bad "\n  ${f}:${n}: ${line}")
    endif()
  endforeach()
endforeach()
list(LENGTH sources count)
if(bad)
  message(FATAL_ERROR "ui/ and the tray wiring call AppRuntime's methods, not its parts:${bad}")
endif()
message(STATUS "checked ${count} ui/ and tray wiring files: they ask the runtime, never its parts")
