// The translation catalogues of mailscope_i18n are resources (:/i18n/); this file only gives
// the library an object of its own.
namespace ms::i18n {
int catalogueVersion()
{
    return 1;
}
} // namespace ms::i18n
