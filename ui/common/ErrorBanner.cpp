#include "common/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace kurier::ui {

namespace {

// Plain text for the rich-text label: escaped, and its line breaks kept (rich text folds them).
QString escapedLines(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

} // namespace

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel)
    , m_actionButton(new QPushButton)
    , m_detailsButton(new QPushButton(tr("&Details")))
    , m_details(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setTextFormat(Qt::RichText); // built from escaped parts only
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_actionButton->setObjectName(QStringLiteral("bannerAction"));
    m_actionButton->hide();
    connect(m_actionButton, &QPushButton::clicked, this, [this] {
        // A copy: the handler may replace the action (showing a new message) while it runs.
        if (const std::function<void()> action = m_action)
            action();
    });
    m_detailsButton->setObjectName(QStringLiteral("bannerDetails"));
    m_detailsButton->setCheckable(true);
    m_details->setObjectName(QStringLiteral("bannerDetailsText"));
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(140);
    m_details->hide();
    connect(m_detailsButton, &QPushButton::toggled, m_details, &QWidget::setVisible);
    auto *close = new QToolButton;
    close->setObjectName(QStringLiteral("bannerClose"));
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_actionButton, 0, Qt::AlignTop);
    row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    row->addWidget(close, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(row);
    layout->addWidget(m_details);
    hide();
}

void ErrorBanner::setKind(Kind kind)
{
    setStyleSheet(kind == Kind::Error
                      ? QStringLiteral("#errorBanner { background: #fde7e9; border: 1px solid #d9a0a5; } #errorBanner QLabel { color: #5c1016; }")
                      : QStringLiteral("#errorBanner { background: #e8f1fb; border: 1px solid #9fbfe0; } #errorBanner QLabel { color: #0f3050; }"));
}

void ErrorBanner::setAction(const QString &text, std::function<void()> handler)
{
    m_action = std::move(handler);
    m_actionButton->setText(text);
    m_actionButton->setVisible(bool(m_action));
}

void ErrorBanner::showDiagnostic(const QString &context, const diagnostics::Diagnostic &diagnostic)
{
    setKind(Kind::Error);
    setAction({}, {});
    QString html = QStringLiteral("<b>%1</b> %2").arg(context.toHtmlEscaped(), diagnostic.summary.toHtmlEscaped());
    if (!diagnostic.cause.isEmpty())
        html += QStringLiteral("<br>%1 %2").arg(tr("Cause:").toHtmlEscaped(), escapedLines(diagnostic.cause));
    if (!diagnostic.fix.isEmpty())
        html += QStringLiteral("<br>%1 %2").arg(tr("What to do:").toHtmlEscaped(), escapedLines(diagnostic.fix));
    m_text->setText(html);
    m_details->setPlainText(diagnostic.toText());
    m_detailsButton->setChecked(false);
    m_detailsButton->show();
    show();
}

void ErrorBanner::showInfo(const QString &text, const QString &details)
{
    setKind(Kind::Info);
    setAction({}, {});
    m_text->setText(text.toHtmlEscaped());
    m_details->setPlainText(details);
    m_detailsButton->setChecked(!details.isEmpty());
    m_detailsButton->setVisible(!details.isEmpty());
    show();
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

} // namespace kurier::ui
