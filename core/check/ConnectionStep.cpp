#include "check/ConnectionStep.h"

#include <QCoreApplication>

namespace kurier::check {

QString ConnectionStep::toText() const
{
    QString mark;
    switch (status) {
    case Status::Pending: mark = QStringLiteral("·"); break;
    case Status::Running: mark = QStringLiteral("…"); break;
    case Status::Passed: mark = QStringLiteral("✔"); break;
    case Status::Warning: mark = QStringLiteral("!"); break;
    case Status::Failed: mark = QStringLiteral("✘"); break;
    case Status::Skipped: mark = QStringLiteral("–"); break;
    }
    QString text = mark + u' ' + title;
    if (!detail.isEmpty())
        text += QStringLiteral(" — ") + detail;
    if (status == Status::Failed || (status == Status::Warning && !diagnostic.isEmpty())) {
        const QString indent = QStringLiteral("    ");
        for (const QString &line : diagnostic.toText().split(u'\n', Qt::SkipEmptyParts))
            text += u'\n' + indent + line;
        if (!certificate.isEmpty())
            text += u'\n' + indent
                + QCoreApplication::translate("ConnectionStep", "Certificate SHA-256: %1")
                      .arg(QString::fromLatin1(certificate.sha256));
    }
    return text;
}

} // namespace kurier::check
