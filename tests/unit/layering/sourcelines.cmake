# read_source_lines(FILE OUT): the file's lines as a CMake list, one item per line (line n is
# item n-1). A list splits at ';' and not inside [ ], so those are spelt <semicolon>, < and >.
function(read_source_lines file out)
  file(READ "${file}" text)
  string(REPLACE ";" "<semicolon>" text "${text}")
  string(REPLACE "[" "<" text "${text}")
  string(REPLACE "]" ">" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# find_code_lines(OUT PATTERNS <regex>... FILES <file>...): "\n  <file>:<n>: <line>" for every
# line whose code (the line without its // comment: comments may name anything) matches one
# of the regexes; empty when none does.
function(find_code_lines out)
  cmake_parse_arguments(F "" "" "PATTERNS;FILES" ${ARGN})
  set(found "")
  foreach(f IN LISTS F_FILES)
    read_source_lines("${f}" lines)
    set(n 0)
    foreach(line IN LISTS lines)
      math(EXPR n "${n} + 1")
      string(REGEX REPLACE "//.*$" "" code "${line}")
      foreach(pattern IN LISTS F_PATTERNS)
        if(code MATCHES "${pattern}")
          string(APPEND found "\n  ${f}:${n}: ${line}")
          break()
        endif()
      endforeach()
    endforeach()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()
