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
