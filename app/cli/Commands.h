#pragma once

#include <QStringList>

namespace ms::cli {

// Exit codes, documented in --help and pinned by tests/cli/tst_cli.cpp.
enum ExitCode {
    ExitOk = 0, // verified, nothing failed
    ExitFailed = 1, // at least one check failed (fail, softfail, permerror)
    ExitUsage = 2, // bad command line; nothing verified
    ExitInput = 3, // an input could not be read or was empty (the rest was verified)
    ExitTemporary = 4, // a temporary error (DNS, time budget) left a result open
    ExitOutput = 5, // standard output could not be written: results are missing
};

int run(const QStringList& arguments);

} // namespace ms::cli
