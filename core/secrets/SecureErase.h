#pragma once

#include <QByteArray>
#include <QString>

namespace kurier::secrets {

// Overwriting secrets (passwords, client secrets, tokens, SASL payloads) in memory once they are
// no longer needed, so that they do not linger in freed heap blocks (swap, a later core dump
// with KURIER_ALLOW_CORE_DUMPS, a memory disclosure bug).
//
// Qt's containers are implicitly shared: writing into a buffer that another QByteArray/QString
// still references would first detach (QByteArray::fill on a shared array wipes a fresh copy and
// leaves the original alone) or, through const_cast, change the other holder's value. So only a
// buffer this object owns alone is overwritten (explicit_bzero, which the compiler may not drop);
// a shared one is merely released, and the last owner's erase overwrites it. Copies that Qt makes
// internally (QSslSocket's write buffer, QNetworkAccessManager's upload data, QSettings) are out
// of reach.

// Overwrites the bytes in place if this array is the only owner; size and allocation stay.
// Returns true if the memory was overwritten (false: shared, empty, or a raw-data/literal array).
bool wipe(QByteArray &bytes);
bool wipe(QString &text);

// wipe(), then clear(): the usual call when a secret is done with.
void secureErase(QByteArray &bytes);
void secureErase(QString &text);

// Erases the given variables when the scope ends (also on early returns).
class EraseOnExit
{
public:
    explicit EraseOnExit(QByteArray &bytes) : m_bytes(&bytes) {}
    explicit EraseOnExit(QString &text) : m_text(&text) {}
    EraseOnExit(const EraseOnExit &) = delete;
    EraseOnExit &operator=(const EraseOnExit &) = delete;
    ~EraseOnExit()
    {
        if (m_bytes)
            secureErase(*m_bytes);
        if (m_text)
            secureErase(*m_text);
    }

private:
    QByteArray *m_bytes = nullptr;
    QString *m_text = nullptr;
};

} // namespace kurier::secrets
