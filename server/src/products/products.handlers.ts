import type { AppContext } from '../context.js';
import type { Handlers } from '../http/contract.js';
import { notImplemented } from '../http/not-implemented.js';

type ProductOperation = 'listProducts' | 'createProduct' | 'getProduct' | 'updateProduct' | 'replaceProduct' | 'deleteProduct';

export function createProductHandlers(_ctx: AppContext): Handlers<ProductOperation> {
  return {
    listProducts: notImplemented('listProducts'),
    createProduct: notImplemented('createProduct'),
    getProduct: notImplemented('getProduct'),
    updateProduct: notImplemented('updateProduct'),
    replaceProduct: notImplemented('replaceProduct'),
    deleteProduct: notImplemented('deleteProduct'),
  };
}
