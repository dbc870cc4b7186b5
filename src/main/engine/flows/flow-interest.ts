// The addresses whose connections the flows view is about: every container's and every namespace's
// Bridgeport made. The privileged side drops the rest before parsing (line-interest.ts), except
// DNAT'ed connections, whose far end only the reply tells. Pure.
import type { AddressBook } from './address-book';

export function interestOf(book: AddressBook): string[] {
  return [...book.containers.keys(), ...book.namespaces.keys()];
}
