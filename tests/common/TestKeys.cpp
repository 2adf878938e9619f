#include "common/TestKeys.h"

#include <QHash>
#include <QMutex>

namespace mstest {

const ms::crypto::PrivateKey& rsaKey(int bits)
{
    static QMutex mutex;
    static QHash<int, ms::crypto::PrivateKey> keys;
    QMutexLocker l(&mutex);
    auto it = keys.find(bits);
    if (it == keys.end())
        it = keys.insert(bits, ms::crypto::PrivateKey::generateRsa(bits));
    return it.value();
}

const ms::crypto::PrivateKey& ed25519Key()
{
    static const ms::crypto::PrivateKey k = ms::crypto::PrivateKey::generateEd25519();
    return k;
}

const ms::crypto::PrivateKey& otherRsaKey()
{
    static const ms::crypto::PrivateKey k = ms::crypto::PrivateKey::generateRsa(2048);
    return k;
}

} // namespace mstest
