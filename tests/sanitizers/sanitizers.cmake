# Run-time options for a sanitizer build (the "asan" preset, build-asan/): every test, and every
# program a test starts (kurierctl), stops at the first finding and uses the suppressions here.
# Set as test properties so that a plain `ctest` in build-asan/ behaves like scripts/test.
set(KURIER_SANITIZER_ENV "")
# Instrumented code runs about two to three times slower: test time limits are scaled by this.
set(KURIER_TIMEOUT_FACTOR 1)
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
    set(dir ${CMAKE_CURRENT_LIST_DIR})
    set(KURIER_TIMEOUT_FACTOR 3)
    set(KURIER_SANITIZER_ENV
        "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
        "LSAN_OPTIONS=suppressions=${dir}/lsan.supp:print_suppressions=0"
        "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${dir}/ubsan.supp")
endif()
