// The addresses whose connections the flows view is about: every container's and every namespace's
// Bridgeport made. The privileged side drops the rest before parsing (line-interest.ts), except
// DNAT'ed connections, whose far end only the reply tells. Pure.
import { MAX_INTEREST_ADDRESSES } from '../../privileged/contract/flow-operations';
import type { AddressBook } from './address-book';

/** The addresses, or undefined when there are more than a request may carry (then: the whole table). */
export function interestOf(book: AddressBook): string[] | undefined {
  const addresses = [...book.containers.keys(), ...book.namespaces.keys()];
  return addresses.length <= MAX_INTEREST_ADDRESSES ? addresses : undefined;
}
