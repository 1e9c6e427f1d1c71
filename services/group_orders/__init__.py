"""The WeChat group-order reader: a customer's message → tokens → items → the products they mean
(pinyin, synonyms, learned aliases, the customer's 老规矩) with quantities in the product's unit, each
line either sure or asking the clerk.
"""
