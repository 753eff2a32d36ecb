# The code layout of the channeltray executable and its two libraries (issue 11: one account's
# memory). Every function and data item has its own section, so the link drops what nothing
# uses (--gc-sections) and places the functions one account runs at start and while idle first
# and together (cmake/hot-functions.txt, made by tools/hot-functions.sh). The kernel maps a
# program's code in blocks of pages around each one touched, so without this an idle session
# with one account had nearly all of both binaries' code resident, though it runs about a fifth.
#
# Ordering needs gold (binutils), whose --section-ordering-file takes section names; without
# gold the link only drops unused sections. -DCHANNELTRAY_HOT_LAYOUT=OFF builds as before.
option(CHANNELTRAY_HOT_LAYOUT "Drop unused code and place the start-up and idle code first (gold)" ON)
if(CHANNELTRAY_FUZZ OR CHANNELTRAY_SANITIZE)
  set(CHANNELTRAY_HOT_LAYOUT OFF)
endif()

if(CHANNELTRAY_HOT_LAYOUT)
  add_compile_options(-ffunction-sections -fdata-sections)
  include(CheckLinkerFlag)
  check_linker_flag(CXX "-fuse-ld=gold" CHANNELTRAY_HAVE_GOLD)
  set(hot_functions ${PROJECT_SOURCE_DIR}/cmake/hot-functions.txt)
  set(CHANNELTRAY_SECTION_ORDER ${PROJECT_BINARY_DIR}/hot-sections.txt)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${hot_functions})
  # gold matches section names: a function is .text.<symbol>, or .text.startup.<symbol> when
  # the compiler saw that it runs only at start (static initializers, main, what only they call).
  # The complete-object constructor and destructor (C1, D1) are aliases in their base-object
  # twin's section (C2, D2).
  file(STRINGS ${hot_functions} functions REGEX "^[^#]")
  set(sections "")
  foreach(f IN LISTS functions)
    string(APPEND sections ".text.${f}\n.text.startup.${f}\n")
    string(REPLACE "C1E" "C2E" twin "${f}")
    string(REPLACE "D1E" "D2E" twin "${twin}")
    if(NOT twin STREQUAL f)
      string(APPEND sections ".text.${twin}\n.text.startup.${twin}\n")
    endif()
  endforeach()
  file(CONFIGURE OUTPUT ${CHANNELTRAY_SECTION_ORDER} CONTENT "${sections}")
endif()

# channeltray_hot_layout(<target>): link <target> with that layout.
function(channeltray_hot_layout target)
  if(NOT CHANNELTRAY_HOT_LAYOUT)
    return()
  endif()
  target_link_options(${target} PRIVATE -Wl,--gc-sections)
  if(CHANNELTRAY_HAVE_GOLD)
    target_link_options(${target} PRIVATE -fuse-ld=gold -Wl,--section-ordering-file,${CHANNELTRAY_SECTION_ORDER})
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${CHANNELTRAY_SECTION_ORDER})
  endif()
endfunction()
