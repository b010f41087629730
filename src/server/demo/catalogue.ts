import { DEFAULT_CATALOGUE, type CatalogueEntry } from '../../domain/registrations';

/**
 * The demo city's catalogue of titles and awards for the demo year: the default one (Law on Emulation
 * and Commendation 2022, Decree 98/2023), as the board would have saved it.
 */
export const demoCatalogue: readonly CatalogueEntry[] = DEFAULT_CATALOGUE;
