#include "accounts/DiscoveryProgressView.h"

#include "common/StatusIcon.h"

#include <QGridLayout>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QVBoxLayout>

namespace kurier::ui {

using discovery::Discovery;
using State = Discovery::State;
using Status = check::ConnectionStep::Status;

namespace {

// A source that failed or timed out is no error of the user's: the others may still find the
// settings, so it gets the warning mark, not the red cross.
Status markFor(State state)
{
    switch (state) {
    case State::Waiting: return Status::Pending;
    case State::Running: return Status::Running;
    case State::Found: return Status::Passed;
    case State::Failed:
    case State::TimedOut: return Status::Warning;
    case State::NothingFound:
    case State::Skipped: return Status::Skipped;
    }
    return Status::Pending;
}

} // namespace

DiscoveryProgressView::DiscoveryProgressView(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    int line = 0;
    for (Source source : Discovery::sources()) {
        Row r;
        r.icon = new QLabel(this);
        r.icon->setFixedSize(kStatusIconSize, kStatusIconSize);
        r.title = new QLabel(Discovery::sourceName(source), this);
        QFont bold = r.title->font();
        bold.setBold(true);
        r.title->setFont(bold);
        r.detail = new QLabel(this);
        r.detail->setWordWrap(true);
        r.detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.detail->setForegroundRole(QPalette::PlaceholderText);
        r.skip = new QPushButton(tr("Skip"), this);
        r.skip->setAccessibleName(tr("Skip %1").arg(Discovery::sourceName(source)));
        r.skip->setAutoDefault(false);
        r.skip->hide();
        connect(r.skip, &QPushButton::clicked, this, [this, source] {
            if (m_discovery)
                m_discovery->skip(source);
        });
        auto *text = new QVBoxLayout;
        text->setSpacing(1);
        text->addWidget(r.title);
        text->addWidget(r.detail);
        grid->addWidget(r.icon, line, 0, Qt::AlignTop);
        grid->addLayout(text, line, 1);
        grid->addWidget(r.skip, line, 2, Qt::AlignTop);
        m_rows.insert(source, r);
        render({source, State::Waiting, {}});
        ++line;
    }
    grid->setRowStretch(line, 1);
}

void DiscoveryProgressView::track(Discovery *discovery)
{
    if (m_discovery)
        disconnect(m_discovery, nullptr, this, nullptr);
    m_discovery = discovery;
    for (const auto &status : discovery->statuses())
        render(status);
    connect(discovery, &Discovery::sourceChanged, this, [this](Source source) {
        for (const auto &status : m_discovery->statuses()) {
            if (status.source == source)
                render(status);
        }
    });
}

void DiscoveryProgressView::render(const Discovery::SourceStatus &status)
{
    const Row &r = m_rows.value(status.source);
    if (!r.icon)
        return;
    const Status mark = markFor(status.state);
    r.icon->setPixmap(statusIcon(mark, devicePixelRatioF()));
    r.icon->setToolTip(Discovery::stateName(status.state));
    r.icon->setAccessibleName(Discovery::stateName(status.state));
    r.detail->setText(status.detail.isEmpty() ? Discovery::stateName(status.state) : status.detail);
    r.skip->setVisible(status.state == State::Running);
}

QLabel *DiscoveryProgressView::detailLabel(Source source) const
{
    return m_rows.value(source).detail;
}

QLabel *DiscoveryProgressView::iconLabel(Source source) const
{
    return m_rows.value(source).icon;
}

QPushButton *DiscoveryProgressView::skipButton(Source source) const
{
    return m_rows.value(source).skip;
}

} // namespace kurier::ui
