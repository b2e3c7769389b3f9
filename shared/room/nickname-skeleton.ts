/**
 * Two nicknames are "the same" when a person could not tell them apart on the
 * projector: Cyrillic 'а' and Latin 'a', 'rn' and 'm', 'Ada' and 'ada'. The comparison
 * key is the UTS #39 skeleton (https://www.unicode.org/reports/tr39/#Confusable_Detection):
 * NFD, map every character through Unicode's confusables.txt, NFD again; lower-cased
 * before and after so case never makes two names distinct.
 *
 * The confusables table comes from `unhomoglyph` (nodeca, MIT, generated from
 * confusables.txt, no dependencies, CommonJS that tsx and Next both load). It is only
 * needed where uniqueness is decided (decideRoom), so the join form's bundle does not
 * carry its 100 KB table.
 */
import unhomoglyph from 'unhomoglyph';

export function nicknameSkeleton(nickname: string): string {
  const lower = nickname.toLocaleLowerCase().normalize('NFD');
  return unhomoglyph(lower).normalize('NFD').toLocaleLowerCase();
}
