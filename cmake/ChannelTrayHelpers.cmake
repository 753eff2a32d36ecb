# channeltray_core_module(<name> [SOURCES ...] DEPENDS ...)
# One static library per concept folder of core/ (ct_<name>); channeltray_core links them all.
# Without SOURCES, every .cpp/.h directly in the folder is compiled.
function(channeltray_core_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPENDS" ${ARGN})
  if(NOT M_SOURCES)
    file(GLOB M_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  endif()
  if(NOT M_SOURCES)
    return() # folder not written yet
  endif()
  add_library(ct_${name} STATIC ${M_SOURCES})
  target_include_directories(ct_${name} PUBLIC ${PROJECT_SOURCE_DIR}/core)
  target_link_libraries(ct_${name} PUBLIC Qt6::Core ${M_DEPENDS})
  set_property(GLOBAL APPEND PROPERTY CHANNELTRAY_CORE_MODULES ct_${name})
endfunction()

# channeltray_add_test(<name> SOURCES ... LIBS ... [LABELS ...] [ENV ...] [TIMEOUT s] [LAUNCHER cmd])
# A Qt Test executable registered with CTest. A QSKIP shows up as "skipped" in CTest.
# LAUNCHER: a program the test runs under (e.g. tests/gui/private-desktop.sh).
function(channeltray_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT;LAUNCHER" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/core ${PROJECT_SOURCE_DIR}/tests)
  add_test(NAME ${name} COMMAND ${T_LAUNCHER} $<TARGET_FILE:${name}>)
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  # The folder kind (tests/unit, tests/integration, tests/gui) is always a label, so
  # `ctest -L unit` selects every unit suite; unit suites are also collected for the
  # `unit_tests` target (built by the sanitizer run).
  foreach(kind unit integration gui)
    if(CMAKE_CURRENT_SOURCE_DIR MATCHES "/tests/${kind}/")
      list(APPEND T_LABELS ${kind})
      if(kind STREQUAL "unit")
        set_property(GLOBAL APPEND PROPERTY CHANNELTRAY_UNIT_TESTS ${name})
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES T_LABELS)
  set_tests_properties(${name} PROPERTIES
    SKIP_REGULAR_EXPRESSION "SKIP   : "
    TIMEOUT ${T_TIMEOUT}
    LABELS "${T_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CHANNELTRAY_SOURCE_DIR=${PROJECT_SOURCE_DIR};CHANNELTRAY_BINARY_DIR=${PROJECT_BINARY_DIR};${T_ENV}")
endfunction()

# channeltray_add_test_per_file(<prefix> LIBS ... [LABELS ...])
# One suite per tst_<name>.cpp file in the calling folder, registered as tst_<prefix>_<name>
# (so `ctest -R <prefix>` picks every one of them); each links LIBS.
function(channeltray_add_test_per_file prefix)
  cmake_parse_arguments(F "" "" "LIBS;LABELS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tst_*.cpp)
  foreach(source IN LISTS sources)
    get_filename_component(suite ${source} NAME_WE)
    string(REGEX REPLACE "^tst_" "tst_${prefix}_" name ${suite})
    channeltray_add_test(${name} SOURCES ${source} LIBS ${F_LIBS} LABELS ${F_LABELS})
  endforeach()
endfunction()

# channeltray_add_fuzzer(<name> SOURCES ... LIBS ...)
# A libFuzzer target fuzz_<name> (only with CHANNELTRAY_FUZZ). Its seed corpus is the
# corpus/ folder next to it and an optional <name>.dict; tools/fuzz.sh runs every target listed
# in the fuzz_targets target.
function(channeltray_add_fuzzer name)
  if(NOT CHANNELTRAY_FUZZ)
    return()
  endif()
  cmake_parse_arguments(Z "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(fuzz_${name} ${Z_SOURCES})
  target_link_libraries(fuzz_${name} PRIVATE ${Z_LIBS})
  target_include_directories(fuzz_${name} PRIVATE ${PROJECT_SOURCE_DIR}/core ${PROJECT_SOURCE_DIR}/tests)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  if(NOT TARGET fuzz_targets)
    add_custom_target(fuzz_targets)
  endif()
  add_dependencies(fuzz_targets fuzz_${name})
  # One line per target (name, binary, corpus, dictionary) for tools/fuzz.sh.
  set(dict "")
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${name}.dict)
    set(dict ${CMAKE_CURRENT_SOURCE_DIR}/${name}.dict)
  endif()
  set_property(GLOBAL APPEND PROPERTY CHANNELTRAY_FUZZERS
               "${name}|$<TARGET_FILE:fuzz_${name}>|${CMAKE_CURRENT_SOURCE_DIR}/corpus|${dict}")
endfunction()
