import type { TableColumnsType } from 'antd';

/**
 * A table class and column labels that turn each row into a card on a phone (layout.css, below 640 px):
 * the header row hides and each cell shows its column's title before its value.
 */
export const cardsOnPhone = 'cards-on-phone';

/** The columns, each cell carrying its column's title as `data-label` for the phone layout. */
export function withCellLabels<T>(columns: TableColumnsType<T>): TableColumnsType<T> {
  return columns.map((column) => {
    const label = typeof column.title === 'string' ? column.title : '';
    const onCell = column.onCell;
    return {
      ...column,
      onCell: (record: T, index?: number) => ({ ...onCell?.(record, index), 'data-label': label }),
    };
  });
}
