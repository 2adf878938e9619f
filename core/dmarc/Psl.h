#pragma once

#include <QString>

#include <optional>

namespace ms::dmarc {

// The Public Suffix List as the system ships it (Debian's publicsuffix package, through
// libpsl: the newer of MAILSCOPE_PSL_FILE and libpsl's built-in copy). Loaded once,
// read-only afterwards, so safe to use from several threads.

// The registrable domain ("example.co.uk" for "a.b.example.co.uk"), in the form the input
// was given (U-labels stay U-labels). nullopt when the name is itself a public suffix, is
// empty, has an empty label (a leading dot) or is otherwise not a host name.
std::optional<QString> registrableDomain(const QString& domain);

// RFC 7489 3.2: the Organizational Domain. The registrable domain; a name that is itself a
// public suffix is its own Organizational Domain (there is no "x+1"th label to add).
QString organizationalDomain(const QString& domain);

// Which list is in use, for the step that explains the PSL method ("libpsl 0.21.2,
// /usr/share/publicsuffix/public_suffix_list.dafsa" or "libpsl built-in list").
QString pslDescription();

} // namespace ms::dmarc
