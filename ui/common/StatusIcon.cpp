#include "common/StatusIcon.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPainter>

namespace kurier::ui {

using Status = check::ConnectionStep::Status;

namespace {

struct StatusIcon {
    Q_DECLARE_TR_FUNCTIONS(StatusIcon)
};

QColor statusColor(Status status)
{
    switch (status) {
    case Status::Passed: return QColor(0x2e, 0x7d, 0x32);
    case Status::Failed: return QColor(0xc6, 0x28, 0x28);
    case Status::Warning: return QColor(0xb2, 0x6a, 0x00);
    case Status::Running: return QColor(0x15, 0x65, 0xc0);
    case Status::Pending:
    case Status::Skipped: return QColor(0x9e, 0x9e, 0x9e);
    }
    return Qt::gray;
}

QString statusGlyph(Status status)
{
    switch (status) {
    case Status::Passed: return QStringLiteral("✔");
    case Status::Failed: return QStringLiteral("✘");
    case Status::Warning: return QStringLiteral("!");
    case Status::Running: return QStringLiteral("…");
    case Status::Pending: return QString();
    case Status::Skipped: return QStringLiteral("–");
    }
    return {};
}

} // namespace

QString statusName(Status status)
{
    switch (status) {
    case Status::Passed: return StatusIcon::tr("Passed");
    case Status::Failed: return StatusIcon::tr("Failed");
    case Status::Warning: return StatusIcon::tr("Warning");
    case Status::Running: return StatusIcon::tr("Running");
    case Status::Pending: return StatusIcon::tr("Waiting");
    case Status::Skipped: return StatusIcon::tr("Skipped");
    }
    return {};
}

// A filled circle with the glyph in white: readable at a glance, and the colour is not the
// only signal (the glyph and the tooltip say the same).
QPixmap statusIcon(Status status, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(kStatusIconSize, kStatusIconSize) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF circle(1, 1, kStatusIconSize - 2, kStatusIconSize - 2);
    if (status == Status::Pending) {
        p.setPen(QPen(statusColor(status), 1.5));
        p.drawEllipse(circle);
        return pixmap;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(statusColor(status));
    p.drawEllipse(circle);
    QFont font = QApplication::font();
    font.setBold(true);
    font.setPixelSize(status == Status::Running ? 11 : 13);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(circle, Qt::AlignCenter, statusGlyph(status));
    return pixmap;
}

} // namespace kurier::ui
