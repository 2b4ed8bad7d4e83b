#include "pop3/Pop3Capabilities.h"

namespace kurier::pop3 {

Pop3Capabilities Pop3Capabilities::parse(const QByteArray &body)
{
    Pop3Capabilities caps;
    caps.known = true;
    const QList<QByteArray> lines = body.split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> words = line.simplified().split(' ');
        const QByteArray tag = words.first().toUpper();
        if (tag == "TOP")
            caps.top = true;
        else if (tag == "UIDL")
            caps.uidl = true;
        else if (tag == "USER")
            caps.user = true;
        else if (tag == "PIPELINING")
            caps.pipelining = true;
        else if (tag == "STLS")
            caps.stls = true;
        else if (tag == "RESP-CODES")
            caps.respCodes = true;
        else if (tag == "AUTH-RESP-CODE")
            caps.authRespCode = true;
        else if (tag == "SASL") {
            for (qsizetype i = 1; i < words.size(); ++i)
                caps.saslMechanisms << words[i].toUpper();
        } else if (tag == "IMPLEMENTATION")
            caps.implementation = line.mid(tag.size()).trimmed();
        else if (tag == "LOGIN-DELAY" && words.size() > 1)
            caps.loginDelaySeconds = words[1].toInt();
        else if (tag == "EXPIRE" && words.size() > 1)
            caps.expireDays = words[1].toUpper() == "NEVER" ? -1 : words[1].toInt();
    }
    return caps;
}

QByteArray Pop3Capabilities::toString() const
{
    if (!known)
        return QByteArrayLiteral("(CAPA not supported)");
    QList<QByteArray> parts;
    if (top)
        parts << "TOP";
    if (uidl)
        parts << "UIDL";
    if (user)
        parts << "USER";
    if (pipelining)
        parts << "PIPELINING";
    if (stls)
        parts << "STLS";
    if (respCodes)
        parts << "RESP-CODES";
    if (authRespCode)
        parts << "AUTH-RESP-CODE";
    parts << "SASL(" + saslMechanisms.join(' ') + ')';
    if (!implementation.isEmpty())
        parts << "IMPLEMENTATION(" + implementation + ')';
    return parts.join(' ');
}

} // namespace kurier::pop3
