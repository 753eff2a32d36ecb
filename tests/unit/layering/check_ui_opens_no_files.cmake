# Fails (and names the file and line) when ui/ reads or writes a file itself: the import preview
# (config/openclawimport), the admin pages' icon upload (GotifyApi::uploadApplicationImageFile)
# and the autostart entry (process/autostartfile) are core's, and every config read or write is
# AppRuntime's (docs/architecture.md "Who owns what"). ui/ may let the user choose a path
# (QFileDialog) and hand it to core; Qt resources (":/…") are read by Qt itself.
file(GLOB_RECURSE sources "${ROOT}/ui/*.h" "${ROOT}/ui/*.cpp")
set(files "QFile|QSaveFile|QTemporaryFile|QFileInfo|QDir|QDirIterator|QLockFile|QStorageInfo|std::ifstream|std::ofstream|std::fstream")
set(calls "fopen|open|loadConfig|writeFileAtomically|readConfigDocument")
include(${CMAKE_CURRENT_LIST_DIR}/sourcelines.cmake)
find_code_lines(bad FILES ${sources} PATTERNS
  "(^|[^A-Za-z0-9_:])(${files})([^A-Za-z0-9_]|$)"
  "(^|[^A-Za-z0-9_.>:])(::)?(${calls})[ \t]*\\("
  "#[ \t]*include[ \t]*\"config/atomicfile\\.h\"")
list(LENGTH sources count)
if(bad)
  message(FATAL_ERROR "ui/ opens no file; it asks core (AppRuntime, GotifyApi, AutostartFile, previewOpenClawImport):${bad}")
endif()
message(STATUS "checked ${count} ui/ files: none opens a file")
