#include "net/Transcript.h"

#include <QDateTime>

namespace kurier::net {

Transcript::Transcript(const QString &path)
    : m_file(path)
{
    // Owner-only: even redacted, a transcript shows addresses and server names.
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString Transcript::chosenPath(const QString &given)
{
    return given.isEmpty() ? qEnvironmentVariable("KURIER_TRANSCRIPT") : given;
}

void Transcript::write(QByteArrayView prefix, QByteArrayView line)
{
    if (!m_file.isOpen())
        return;
    QByteArray out = QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")).toLatin1();
    out.append(prefix);
    out.append(line);
    out.append('\n');
    m_file.write(out);
}

} // namespace kurier::net
