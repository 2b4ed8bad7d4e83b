#include "ctl/SendCommand.h"

#include "mime/MessageBuilder.h"
#include "mime/RawMessage.h"
#include "oauth/DeviceCodeFlow.h"
#include "net/Transcript.h"
#include "smtp/OutboxSender.h"
#include "store/AccountManager.h"
#include "store/MailLayout.h"
#include "store/Outbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace kurier::ctl {

namespace {

QByteArray readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readAll();
}

QString stateName(store::Outbox::State state)
{
    switch (state) {
    case store::Outbox::State::Queued: return QCoreApplication::translate("SendCommand", "queued");
    case store::Outbox::State::Sending: return QCoreApplication::translate("SendCommand", "sending");
    case store::Outbox::State::Deferred: return QCoreApplication::translate("SendCommand", "deferred");
    case store::Outbox::State::Failed: return QCoreApplication::translate("SendCommand", "failed");
    case store::Outbox::State::Unknown: return QCoreApplication::translate("SendCommand", "unknown outcome");
    }
    return {};
}

} // namespace

SendCommand::SendCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err)
    : m_accounts(accounts)
    , m_out(out)
    , m_err(err)
{
}

SendCommand::~SendCommand() = default;

QString SendCommand::usage()
{
    return QStringLiteral(
        "  kurierctl send P --to ADDR [--to ADDR]… [--cc ADDR]… [--bcc ADDR]… --subject S\n"
        "                 [--attach FILE]… [--html FILE] [--queue-only]   < body.txt\n"
        "      Composes a message from account P (UTF-8 text from standard input), puts it into the\n"
        "      Outbox and sends it; prints the result for every recipient.\n"
        "  kurierctl send P --raw [FILE…] [--to ADDR]…\n"
        "      Sends ready messages (standard input without FILE), like sendmail: recipients from\n"
        "      --to/--cc/--bcc, else from the To, Cc and Bcc headers; Bcc is removed. All messages\n"
        "      go over one connection.\n"
        "  kurierctl send P --flush | --list | --retry ID\n"
        "      Sends what is due in the Outbox; lists it with states and errors; sends a failed or\n"
        "      uncertain message again (only on your word: it may have arrived already).\n"
        "      --transcript FILE (or KURIER_TRANSCRIPT=FILE) with any of these writes the SMTP\n"
        "      conversation with passwords and tokens redacted.\n"
        "      Exit status: 0 sent, 75 deferred (retried later), 1 failed, 2 invalid input.\n");
}

void SendCommand::list()
{
    const QList<store::Outbox::Entry> entries = m_outbox->entries();
    if (entries.isEmpty())
        m_out << QCoreApplication::translate("SendCommand", "The Outbox is empty.") << '\n';
    for (const store::Outbox::Entry &e : entries) {
        m_out << e.id << "  " << stateName(e.state) << "  " << e.subject << '\n';
        m_out << "    " << QCoreApplication::translate("SendCommand", "to: %1").arg(e.recipients.join(QStringLiteral(", "))) << '\n';
        if (e.state == store::Outbox::State::Deferred && e.nextAttempt.isValid())
            m_out << "    " << QCoreApplication::translate("SendCommand", "next attempt: %1").arg(e.nextAttempt.toLocalTime().toString(Qt::ISODate)) << '\n';
        if (!e.lastError.isEmpty())
            m_out << "    " << e.lastError.toText().replace(u'\n', QStringLiteral("\n    ")) << '\n';
    }
    m_out.flush();
}

void SendCommand::run(const QStringList &args, std::function<void(int)> finished)
{
    QCommandLineParser parser;
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Recipient."), QStringLiteral("ADDR"));
    const QCommandLineOption cc(QStringLiteral("cc"), QStringLiteral("Copy recipient."), QStringLiteral("ADDR"));
    const QCommandLineOption bcc(QStringLiteral("bcc"), QStringLiteral("Blind copy recipient."), QStringLiteral("ADDR"));
    const QCommandLineOption subject(QStringLiteral("subject"), QStringLiteral("Subject."), QStringLiteral("S"));
    const QCommandLineOption attach(QStringLiteral("attach"), QStringLiteral("File to attach."), QStringLiteral("FILE"));
    const QCommandLineOption html(QStringLiteral("html"), QStringLiteral("HTML alternative (UTF-8 file)."), QStringLiteral("FILE"));
    const QCommandLineOption raw(QStringLiteral("raw"), QStringLiteral("Send ready RFC 5322 messages."));
    const QCommandLineOption queueOnly(QStringLiteral("queue-only"), QStringLiteral("Only put into the Outbox."));
    const QCommandLineOption flush(QStringLiteral("flush"), QStringLiteral("Send what is due in the Outbox."));
    const QCommandLineOption listOption(QStringLiteral("list"), QStringLiteral("List the Outbox."));
    const QCommandLineOption retry(QStringLiteral("retry"), QStringLiteral("Send this Outbox message again."), QStringLiteral("ID"));
    const QCommandLineOption transcript(QStringLiteral("transcript"), QStringLiteral("Write a transcript."), QStringLiteral("FILE"));
    parser.addOptions({to, cc, bcc, subject, attach, html, raw, queueOnly, flush, listOption, retry, transcript});
    auto usageError = [&](const QString &text) {
        m_err << "kurierctl: " << text << "\n\n" << usage();
        m_err.flush();
        finished(2);
    };
    if (!parser.parse(QStringList{QStringLiteral("kurierctl")} + args)) {
        usageError(parser.errorText());
        return;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        usageError(QStringLiteral("send needs the account's prefix"));
        return;
    }
    const auto account = m_accounts->findByPrefix(positional.first());
    if (!account) {
        m_err << "kurierctl: " << QCoreApplication::translate("SendCommand", "no account with prefix \"%1\"").arg(positional.first()) << '\n';
        m_err.flush();
        finished(1);
        return;
    }
    if (account->smtp.host.isEmpty()) {
        m_err << "kurierctl: " << QCoreApplication::translate("SendCommand", "account %1 has no SMTP server").arg(account->prefix) << '\n';
        m_err.flush();
        finished(2);
        return;
    }
    m_outbox = std::make_unique<store::Outbox>(store::MailLayout::of(*account).root());
    if (!m_outbox->open()) {
        m_err << "kurierctl: " << m_outbox->errorString() << '\n';
        m_err.flush();
        finished(1);
        return;
    }
    if (parser.isSet(listOption)) {
        list();
        finished(0);
        return;
    }

    auto addresses = [&parser](const QCommandLineOption &option) {
        QList<mime::MailAddress> result;
        for (const QString &value : parser.values(option))
            result += mime::RawMessage::parseAddressList(value);
        return result;
    };
    QStringList ids;
    if (parser.isSet(retry)) {
        const QString id = parser.value(retry);
        if (!m_outbox->retry(id)) {
            m_err << "kurierctl: " << QCoreApplication::translate("SendCommand", "no message %1 in the Outbox").arg(id) << '\n';
            m_err.flush();
            finished(2);
            return;
        }
        ids << id;
    } else if (parser.isSet(raw)) {
        QList<QByteArray> messages;
        const QStringList files = positional.mid(1);
        if (files.isEmpty())
            messages << readStdin();
        for (const QString &file : files) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                usageError(QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
                return;
            }
            messages << f.readAll();
        }
        const QList<mime::MailAddress> given = addresses(to) + addresses(cc) + addresses(bcc);
        for (const QByteArray &message : std::as_const(messages)) {
            QStringList recipients;
            const mime::RawMessage::Envelope fromHeaders = mime::RawMessage::envelopeFromHeaders(message);
            for (const mime::MailAddress &a : given.isEmpty() ? fromHeaders.to : given) {
                if (!recipients.contains(a.address, Qt::CaseInsensitive))
                    recipients << a.address;
            }
            if (recipients.isEmpty()) {
                usageError(QStringLiteral("no recipients: give --to or To/Cc/Bcc headers"));
                return;
            }
            // The envelope sender is always the account's address (the server checks it).
            const auto id = m_outbox->enqueue(account->email, recipients, mime::RawMessage::withoutHeader(message, "Bcc"));
            if (!id) {
                m_err << "kurierctl: " << m_outbox->errorString() << '\n';
                m_err.flush();
                finished(1);
                return;
            }
            ids << *id;
        }
    } else if (!parser.isSet(flush)) {
        mime::Draft draft;
        draft.from = {account->senderName, account->email};
        draft.to = addresses(to);
        draft.cc = addresses(cc);
        draft.bcc = addresses(bcc);
        if (draft.to.isEmpty() && draft.cc.isEmpty() && draft.bcc.isEmpty()) {
            usageError(QStringLiteral("give at least one of --to, --cc, --bcc (or --raw, --flush)"));
            return;
        }
        if (!parser.isSet(subject)) {
            usageError(QStringLiteral("--subject is missing"));
            return;
        }
        draft.subject = parser.value(subject);
        for (const QString &file : parser.values(attach)) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                usageError(QStringLiteral("cannot read %1: %2").arg(file, f.errorString()));
                return;
            }
            draft.attachments.append({QFileInfo(file).fileName(), f.readAll(), {}, {}});
        }
        if (parser.isSet(html)) {
            QFile f(parser.value(html));
            if (!f.open(QIODevice::ReadOnly)) {
                usageError(QStringLiteral("cannot read %1: %2").arg(parser.value(html), f.errorString()));
                return;
            }
            draft.html = QString::fromUtf8(f.readAll());
        }
        draft.text = QString::fromUtf8(readStdin());
        const mime::MessageBuilder::Result built = mime::MessageBuilder::build(draft);
        if (!built.ok()) {
            m_err << "kurierctl: " << built.error << '\n';
            m_err.flush();
            finished(1);
            return;
        }
        const auto id = m_outbox->enqueue(built.reversePath, built.recipients, built.data);
        if (!id) {
            m_err << "kurierctl: " << m_outbox->errorString() << '\n';
            m_err.flush();
            finished(1);
            return;
        }
        ids << *id;
    }
    if (parser.isSet(queueOnly)) {
        for (const QString &id : std::as_const(ids))
            m_out << QCoreApplication::translate("SendCommand", "%1: queued in the Outbox").arg(id) << '\n';
        m_out.flush();
        finished(0);
        return;
    }

    m_sender = std::make_unique<smtp::OutboxSender>(*account, m_outbox.get(), m_accounts->secretStore());
    m_sender->setTranscriptPath(net::Transcript::chosenPath(parser.value(transcript)));
    const QString smtpPassword = qEnvironmentVariable("KURIER_SMTP_PASSWORD");
    if (!smtpPassword.isEmpty())
        m_sender->setSessionPassword(smtpPassword);
    // Interactive sign-in (browser or device code) as `kurierctl token` shows it.
    QObject::connect(m_sender.get(), &smtp::OutboxSender::browserSignInRequired, m_sender.get(), [this](const QUrl &url) {
        m_err << QCoreApplication::translate("SendCommand", "Sign in with your browser at:") << "\n  "
              << url.toString(QUrl::FullyEncoded) << '\n';
        m_err.flush();
    });
    QObject::connect(m_sender.get(), &smtp::OutboxSender::deviceCodeSignInRequired, m_sender.get(),
                     [this](const oauth::DeviceCodePrompt &prompt) {
        m_err << QCoreApplication::translate("SendCommand", "To sign in, open %1 and enter the code %2")
                     .arg(prompt.verificationUri.toString(), prompt.userCode)
              << '\n';
        m_err.flush();
    });
    QObject::connect(m_sender.get(), &smtp::OutboxSender::messageFinished, m_sender.get(), [this](const smtp::SendResult &r) {
        using S = smtp::SendResult::Status;
        switch (r.status) {
        case S::Sent:
            m_out << QCoreApplication::translate("SendCommand", "%1: sent (%2)").arg(r.id, r.reply.toDisplayString()) << '\n';
            break;
        case S::TemporaryFailure:
            m_out << QCoreApplication::translate("SendCommand", "%1: deferred, kept in the Outbox and tried again later").arg(r.id) << '\n';
            break;
        case S::PermanentFailure:
            m_out << QCoreApplication::translate("SendCommand", "%1: not sent, kept in the Outbox").arg(r.id) << '\n';
            break;
        case S::Unknown:
            m_out << QCoreApplication::translate("SendCommand", "%1: unknown whether it was sent; kept in the Outbox (send it again with --retry)").arg(r.id) << '\n';
            break;
        }
        for (const smtp::RecipientResult &rr : r.recipients) {
            if (rr.reply.code == 0)
                continue;
            if (rr.accepted())
                m_out << "  " << QCoreApplication::translate("SendCommand", "%1: accepted").arg(rr.address) << '\n';
            else if (rr.reply.isTransientFailure())
                m_out << "  " << QCoreApplication::translate("SendCommand", "%1: not now: %2 (kept in the Outbox for this recipient)").arg(rr.address, rr.reply.toDisplayString()) << '\n';
            else
                m_out << "  " << QCoreApplication::translate("SendCommand", "%1: refused: %2").arg(rr.address, rr.reply.toDisplayString()) << '\n';
        }
        if (!r.isSent())
            m_err << r.diagnostic.toText() << '\n';
        m_out.flush();
        m_err.flush();
        bool permanentRefusal = false;
        for (const smtp::RecipientResult &rr : r.rejected())
            permanentRefusal = permanentRefusal || !rr.reply.isTransientFailure();
        int code = 1;
        if (r.status == S::TemporaryFailure || (r.status == S::Sent && !r.rejected().isEmpty() && !permanentRefusal))
            code = 75; // some or all of it waits in the Outbox
        else if (r.status == S::Sent && r.rejected().isEmpty())
            code = 0;
        if (code == 1 || (code == 75 && m_exitCode == 0))
            m_exitCode = code;
    });
    QObject::connect(m_sender.get(), &smtp::OutboxSender::finished, m_sender.get(),
                     [this, finished](const diagnostics::Diagnostic &error) {
        if (!error.isEmpty() && error.code == QStringLiteral("outbox-busy")) {
            m_err << error.toText() << '\n';
            m_exitCode = 75;
        }
        m_out.flush();
        m_err.flush();
        finished(m_exitCode);
    });
    m_sender->send(ids);
}

} // namespace kurier::ctl
