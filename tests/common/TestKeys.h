#pragma once

#include "crypto/Keys.h"

namespace mstest {

// Keys generated once per test process with OpenSSL (never stored blobs).
const ms::crypto::PrivateKey& rsaKey(int bits = 2048); // 512, 1024, 2048 (cached per size)
const ms::crypto::PrivateKey& ed25519Key();
// A second, unrelated key of each kind ("the wrong key").
const ms::crypto::PrivateKey& otherRsaKey();

} // namespace mstest
