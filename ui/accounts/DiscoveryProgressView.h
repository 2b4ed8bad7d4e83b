#pragma once

#include "discovery/Discovery.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace kurier::ui {

// The search for an account's settings as the user watches it: one row per source of
// discovery::Discovery in its order of priority — a status mark, the source's name, what it
// found or why not — and "Überspringen" on a source still running, for a slow ISPDB or a
// probe behind a firewall that drops packets. It only shows what the Discovery reports.
class DiscoveryProgressView : public QWidget
{
    Q_OBJECT
public:
    using Source = discovery::DiscoveredConfig::Source;

    explicit DiscoveryProgressView(QWidget *parent = nullptr);

    // Shows `discovery` (not owned) from now on; its rows are rebuilt.
    void track(discovery::Discovery *discovery);

    [[nodiscard]] QLabel *detailLabel(Source source) const;
    [[nodiscard]] QLabel *iconLabel(Source source) const;
    [[nodiscard]] QPushButton *skipButton(Source source) const;

private:
    struct Row {
        QLabel *icon = nullptr;
        QLabel *title = nullptr;
        QLabel *detail = nullptr;
        QPushButton *skip = nullptr;
    };

    void render(const discovery::Discovery::SourceStatus &status);

    QPointer<discovery::Discovery> m_discovery;
    QHash<Source, Row> m_rows;
};

} // namespace kurier::ui
