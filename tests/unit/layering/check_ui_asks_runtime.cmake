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
# A part's static helpers (TokenResolver::fieldsFor, NotificationPolicy::summary) are fine.
find_code_lines(bad FILES ${sources} PATTERNS
  "(^|[^A-Za-z0-9_])(${parts})([^A-Za-z0-9_:]|$)"
  "runtime(\\.|->)(${calls})\\(\\)"
  "(^|[^A-Za-z0-9_])(${writers})[ \t]*\\("
  "#[ \t]*include[ \t]*\"(inbound/inboundpipeline|refresh/|accounts/healthmonitor|connectivity/|secrets/secretstore|secrets/keychain|config/configsaver|config/configdocument)")
list(LENGTH sources count)
if(bad)
  message(FATAL_ERROR "ui/ and the tray wiring call AppRuntime's methods, not its parts:${bad}")
endif()
message(STATUS "checked ${count} ui/ and tray wiring files: they ask the runtime, never its parts")
