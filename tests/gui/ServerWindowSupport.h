#pragma once
// For GUI tests of the main window against the servers of tests/servers
// (tst_mail_window_servers, tst_certificate_trust). Header-only.

#include "mail/MainWindow.h"
#include "activity/MailActivity.h"
#include "mail/MessageListModel.h"

#include <QString>
#include <QTest>

namespace kurier::test {

// Abrufen until the open folder holds `count` messages: Postfix delivers asynchronously, so up
// to 20 attempts, 500 ms apart. The caller checks the count (this fails only on a hung fetch).
inline void fetchUntil(ui::MainWindow &window, int count)
{
    for (int attempt = 0; attempt < 20 && window.messageModel()->totalCount() < count; ++attempt) {
        window.activity()->fetchAll();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
        if (window.messageModel()->totalCount() < count)
            QTest::qWait(500);
    }
}

// The row of the (last) message listed with `subject`, -1 if none is.
inline int rowWithSubject(const ui::MainWindow &window, const QString &subject)
{
    int row = -1;
    for (int r = 0; r < window.messageModel()->rowCount(); ++r) {
        if (window.messageModel()->rowAt(r).entry.subject == subject)
            row = r;
    }
    return row;
}

} // namespace kurier::test
