#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ms::dkim {

// One tag-spec of an RFC 6376 3.2 tag-list. All offsets are absolute: the offset of the
// parsed text plus `base` given to TagList::parse(), so they can be used as spans directly.
struct Tag {
    QByteArray name;
    QByteArray value; // without the FWS around it; FWS inside kept (3.2)
    qint64 offset = 0; // the tag-spec: from the tag name to the end of the value
    qint64 length = 0;
    qint64 valueOffset = 0; // of `value` (== rawValueOffset + leading FWS)
    qint64 valueLength = 0;
    qint64 rawValueOffset = 0; // just after '='
    qint64 rawValueEnd = 0; // the terminating ';' or the end of the list
};

struct TagProblem {
    QString text; // translated
    qint64 offset = 0;
    qint64 length = 0;
};

class TagList
{
public:
    // Parses `text` (e.g. a header field value, folding included, or DNS TXT text).
    static TagList parse(QByteArrayView text, qint64 base = 0);

    const QList<Tag>& tags() const { return m_tags; }
    const Tag* find(QByteArrayView name) const; // case-sensitive (3.2)
    bool has(QByteArrayView name) const { return find(name) != nullptr; }
    QByteArray value(QByteArrayView name, const QByteArray& fallback = {}) const;

    // Hard syntax errors: bad tag names, missing '=', bad characters, duplicates (3.2: the
    // whole list is invalid).
    const QList<TagProblem>& errors() const { return m_errors; }
    // Tolerated oddities worth showing (empty tag-specs such as ";;").
    const QList<TagProblem>& notes() const { return m_notes; }
    bool isValid() const { return m_errors.isEmpty(); }
    // The first duplicate tag name, if any.
    QByteArray duplicate() const { return m_duplicate; }

private:
    QList<Tag> m_tags;
    QList<TagProblem> m_errors;
    QList<TagProblem> m_notes;
    QByteArray m_duplicate;
};

// `field` is a whole header field (name, colon, value, folding, maybe the final CRLF).
// Returns it with the value of tag `tag` and the whitespace around it deleted, everything
// else byte for byte (RFC 6376 3.7 step 2, the same rule ARC uses for ARC-Seal and
// ARC-Message-Signature b=). Returns the field unchanged if the tag is absent.
QByteArray emptyTagValue(QByteArrayView field, QByteArrayView tag = "b");

// RFC 6376 2.11 dkim-quoted-printable (z=, and i= may use it too): decode =XX escapes, drop
// FWS. Invalid escapes are kept literally.
QByteArray decodeDkimQuotedPrintable(QByteArrayView text);

} // namespace ms::dkim
