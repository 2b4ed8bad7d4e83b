#include "common/FormStyle.h"

#include <QLabel>

namespace kurier::ui {

void setMessageStyle(QLabel *label, MessageKind kind)
{
    // Style sheets do not propagate to children, so this only colours the message itself.
    label->setStyleSheet(kind == MessageKind::Error ? QStringLiteral("QLabel { color: #b3261e; }")
                                                    : QStringLiteral("QLabel { color: #8a5300; }"));
    label->setProperty("messageKind", kind == MessageKind::Error ? QStringLiteral("error") : QStringLiteral("warning"));
}

void makeSectionTitleBold(QWidget *groupBox)
{
    // Style-sheet fonts are not inherited by child widgets, so only the title turns bold.
    groupBox->setStyleSheet(QStringLiteral("QGroupBox { font-weight: bold; }"));
}

} // namespace kurier::ui
