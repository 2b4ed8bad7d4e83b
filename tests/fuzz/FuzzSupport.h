#pragma once
// Shared by the fuzz targets: a QCoreApplication for the code that wants one, and a way to
// turn fuzz bytes into several strings.

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace kurier::fuzz {

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "kurier-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    Q_UNUSED(app)
}

// Splits the input at NUL bytes into at most `count` fields (missing ones are empty).
inline QList<QByteArray> fields(const uint8_t *data, size_t size, int count)
{
    QList<QByteArray> parts = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    while (parts.size() < count)
        parts.append(QByteArray());
    return parts.mid(0, count);
}

} // namespace kurier::fuzz
