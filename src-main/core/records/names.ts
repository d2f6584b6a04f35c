/** The name columns stored with every person: the whole name, its parts, its search and sort forms. */
import { cleanName, foldForSearch, nameSortKey, splitName } from '../../../src-shared/domain/vnName';

export function personNameColumns(fullName: string) {
  const clean = cleanName(fullName);
  const parts = splitName(clean);
  return {
    fullName: clean,
    familyName: parts.family,
    middleName: parts.middle,
    givenName: parts.given,
    searchName: foldForSearch(clean),
    sortKey: nameSortKey(clean),
  };
}
