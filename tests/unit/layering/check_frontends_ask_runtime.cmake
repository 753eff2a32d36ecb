# Fails (and names the file and line) when a front end — ui/, the tray's wiring, the commands of
# app/ — reaches into AppRuntime's parts instead of calling its methods and observing its signals
# (docs/architecture.md "Who owns what"): the pipeline, the notification policy, the token
# refresher, the health monitor, the network monitor, the token resolver, the keychain store, the
# config file's writers. The registry the front ends get is const (the compiler refuses changing
# it or its connections).
file(GLOB_RECURSE gui "${ROOT}/ui/*.h" "${ROOT}/ui/*.cpp" "${ROOT}/app/tray*.h" "${ROOT}/app/tray*.cpp")
file(GLOB_RECURSE app "${ROOT}/app/*.h" "${ROOT}/app/*.cpp")
list(REMOVE_ITEM app ${gui})
set(parts "InboundPipeline|NotificationPolicy|TokenRefresher|HealthMonitor|ConnectivityMonitor|NetworkRecovery|TokenResolver|SecretStore|ConfigTokenPatcher|ConfigDocument")
set(calls "pipeline|notifications|refresher|connectivity|tokens|health")
set(writers "saveConfigChanges|saveConfigJson|writeConfigDocument|readConfigDocument|patchOpenImToken")
# The parts' own headers; ui/ and the tray's wiring include nothing of refresh/ or connectivity/
# at all, the commands use helpers from there (exposedfiles, accountproxies).
set(partHeaders "inbound/inboundpipeline|inbound/notificationpolicy|refresh/tokenrefresher|refresh/configtokenpatcher|accounts/healthmonitor|connectivity/connectivitymonitor|connectivity/networkrecovery|secrets/secretstore|secrets/keychain|config/configsaver|config/configdocument")
set(guiHeaders "inbound/inboundpipeline|refresh/|accounts/healthmonitor|connectivity/|secrets/secretstore|secrets/keychain|config/configsaver|config/configdocument")
include(${CMAKE_CURRENT_LIST_DIR}/sourcelines.cmake)
# A part's static helpers (TokenResolver::fieldsFor, NotificationPolicy::summary) are fine.
set(patterns
  "(^|[^A-Za-z0-9_])(${parts})([^A-Za-z0-9_:]|$)"
  "[Rr]untime(\\(\\))?(\\.|->)(${calls})\\(\\)"
  "(^|[^A-Za-z0-9_])(${writers})[ \t]*\\(")
find_code_lines(badGui FILES ${gui} PATTERNS ${patterns} "#[ \t]*include[ \t]*\"(${guiHeaders})")
find_code_lines(badApp FILES ${app} PATTERNS ${patterns} "#[ \t]*include[ \t]*\"(${partHeaders})\\.h\"")
list(LENGTH gui guiCount)
list(LENGTH app appCount)
if(badGui OR badApp)
  message(FATAL_ERROR "ui/ and app/ call AppRuntime's methods, not its parts:${badGui}${badApp}")
endif()
message(STATUS "checked ${guiCount} ui/ and tray wiring files and ${appCount} other app/ files: they ask the runtime, never its parts")
