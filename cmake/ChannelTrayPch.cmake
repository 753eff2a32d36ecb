# channeltray_precompile_qt_headers()
# With CHANNELTRAY_PCH, cmake/pch/qtheaders.h is compiled once and every target that builds on
# Qt reuses it: a cold build spends most of its time parsing the same Qt headers in each of its
# ~540 files. tools/test.sh turns this on for its builds; a developer's build leaves it off, so
# a file that forgets an include still fails somewhere.
# The precompiled header is built with Qt Core's flags only. GCC and clang accept it in a target
# that defines more macros (QT_WIDGETS_LIB, QT_TESTCASE_BUILDDIR, ...) as long as the header
# itself does not read them, which is why it holds no QtTest header.
function(channeltray_precompile_qt_headers)
  if(NOT CHANNELTRAY_PCH)
    return()
  endif()
  file(WRITE ${PROJECT_BINARY_DIR}/channeltray_pch.cpp "// the precompiled header's own object\n")
  add_library(channeltray_pch OBJECT ${PROJECT_BINARY_DIR}/channeltray_pch.cpp)
  target_link_libraries(channeltray_pch PRIVATE Qt6::Core)
  foreach(module Network WebSockets DBus Sql Gui Widgets)
    target_include_directories(channeltray_pch SYSTEM PRIVATE
                               $<TARGET_PROPERTY:Qt6::${module},INTERFACE_INCLUDE_DIRECTORIES>)
  endforeach()
  target_precompile_headers(channeltray_pch PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch/qtheaders.h)

  _channeltray_targets_under(${PROJECT_SOURCE_DIR} targets)
  set(count 0)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$"
       OR target STREQUAL "channeltray_pch")
      continue()
    endif()
    get_target_property(links ${target} LINK_LIBRARIES)
    if(NOT links MATCHES "(^|;)(Qt6::|channeltray_|ct_)")
      continue() # no Qt in its include path (the protobuf messages, the I/O-error launcher)
    endif()
    target_precompile_headers(${target} REUSE_FROM channeltray_pch)
    # AUTOMOC's collection file is empty in most targets (a test includes its own .moc), and
    # loading the precompiled header costs more than such a file (0.7 s against 0.01 s).
    get_target_property(binary_dir ${target} BINARY_DIR)
    set_source_files_properties(${binary_dir}/${target}_autogen/mocs_compilation.cpp
                                TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    math(EXPR count "${count} + 1")
  endforeach()
  message(STATUS "Precompiled Qt headers: reused by ${count} targets")
endfunction()

function(_channeltray_targets_under dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    _channeltray_targets_under(${sub} more)
    list(APPEND targets ${more})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()
