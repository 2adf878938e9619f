#pragma once

#include <QByteArray>
#include <Qsci/qscilexercustom.h>

namespace ms::ui {

// Header syntax colours and folding for RFC 5322 text: each header field folds with its
// continuation lines; the body is plain. The lexer works on the exact bytes shown (the
// view is read-only), so offsets equal Source offsets.
class MessageLexer : public QsciLexerCustom
{
    Q_OBJECT
public:
    // Body is style 0, the style Scintilla gives every byte it inserts: the body of a large
    // message never needs a styling pass (see styleText()).
    enum Style {
        Body,
        HeaderName,
        Colon,
        HeaderValue,
        Continuation,
        Default, // a header-block line without a colon
        MboxFrom,
        StyleCount
    };

    explicit MessageLexer(QObject* parent = nullptr);

    // bytes = the document; headerEnd = where the header block ends (the body starts after
    // the blank line); pass bytes.size() when the whole source is a header block.
    void setDocument(const QByteArray& bytes, qint64 headerEnd);
    void setDark(bool dark);

    const char* language() const override;
    QString description(int style) const override;
    void styleText(int start, int end) override;
    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;

private:
    QByteArray m_bytes;
    qint64 m_headerEnd = 0;
    bool m_dark = false;
};

} // namespace ms::ui
