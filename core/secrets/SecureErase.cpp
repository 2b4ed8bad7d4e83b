#include "secrets/SecureErase.h"

#include <cstring>

namespace kurier::secrets {

namespace {

void overwrite(void *data, size_t size)
{
#if defined(__GLIBC__) || defined(__OpenBSD__) || defined(__FreeBSD__)
    explicit_bzero(data, size);
#else
    volatile unsigned char *p = static_cast<volatile unsigned char *>(data);
    while (size--)
        *p++ = 0;
#endif
}

} // namespace

bool wipe(QByteArray &bytes)
{
    // isDetached(): one owner and a heap block of ours (not QByteArray::fromRawData or a literal,
    // whose memory is read-only or someone else's). data() would detach, so check first.
    if (bytes.isEmpty() || !bytes.isDetached())
        return false;
    overwrite(bytes.data(), static_cast<size_t>(bytes.size()));
    return true;
}

bool wipe(QString &text)
{
    if (text.isEmpty() || !text.isDetached())
        return false;
    overwrite(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
    return true;
}

void secureErase(QByteArray &bytes)
{
    wipe(bytes);
    bytes.clear();
}

void secureErase(QString &text)
{
    wipe(text);
    text.clear();
}

} // namespace kurier::secrets
