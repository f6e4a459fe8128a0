" Vim syntax for policyc's .policy files. Context-free, unlike the TextMate grammar: a word
" that is both an item keyword and a fixed word (`consent`, `email`, `controller`, ...) is shown
" as a keyword everywhere. tests/integration/editors.rs checks the word lists against
" grammar/policy.pest and src/vocab.rs.
if exists('b:current_syntax')
  finish
endif

" Names and fixed words contain hyphens and letters such as æ, ø, å, ä, ö.
syn iskeyword @,48-57,_,-,192-255

syn keyword policyBlock policy controller group data source recipient storage event purpose retention cookie
syn keyword policyBlock security rights section dpo privacy-contact representative profiling
syn keyword policyBlock automated-decision

syn keyword policyItem title description examples body legitimate-interest consequence consequences logic
syn keyword policyItem justification measure name law registration address email phone web version scope collective-agreement
syn keyword policyItem public-authority publicly-accessible direct-marketing breach-notification languages
syn keyword policyItem jurisdiction effective layout financial-year starts kind role country transfer place
syn keyword policyItem medium operated-by subjects sources basis art9 art10 id-number provision recipients
syn keyword policyItem purposes keep until indefinitely after align then reconfirm every respond within
syn keyword policyItem provider class party lifetime session limit consent special adequacy
syn keyword policyItem data-privacy-framework relation channels published accounting-records arrangement
syn keyword policyItem for unconfirmed derogation

syn keyword policyConstant anonymise archive archiving-research binding-corporate-rules biometric
syn keyword policyConstant business-contacts by-activity by-audience by-topic calendar-year
syn keyword policyConstant clearly-overriding-interest collection consent-withdrawn considerable-reason
syn keyword policyConstant contract contractual criminal delete digital employees employment-law end
syn keyword policyConstant end-of-contract end-of-course end-of-employment end-of-recruitment ethnic-origin
syn keyword policyConstant explicit-consent financial first functional genetic health health-care
syn keyword policyConstant imy-regulations internal joint-controller justified-by-purpose last-contact
syn keyword policyConstant legal-claims legal-obligation legitimate-interests made-public marketing national-id
syn keyword policyConstant necessary not-for-profit official-authority online ordinary paper political post
syn keyword policyConstant pre-contractual private-persons processor public-health public-interest public-task
syn keyword policyConstant religion required-by-law research-statistics secure-identification sex-life shred
syn keyword policyConstant sms standard-contractual-clauses start statistics statutory
syn keyword policyConstant substantial-public-interest third trade-union transaction vital-interests voluntary
syn keyword policyConstant yes no
syn match policyConstant "\<\%(DK\|SE\|[A-Z][A-Z]\)\>"
syn match policyMonth "\c\<\%(january\|february\|march\|april\|may\|june\|july\|august\|september\|october\|november\|december\)\>"
syn keyword policyUnit day days week weeks month months year years
syn match policyUp "\<up\s\+to\>"

syn match policyLang "\<[a-z][a-z]\>\ze\s*\""
syn match policyDate "\<\d\{4}-\d\d-\d\d\>"
syn match policyNumber "\<\d\+\>"
syn region policyString start=+"+ skip=+\\.+ end=+"+ contains=policyEscape
syn match policyEscape "\\." contained
syn match policyComment "//.*$" contains=@Spell

hi def link policyBlock Structure
hi def link policyItem Keyword
hi def link policyUp Keyword
hi def link policyConstant Constant
hi def link policyMonth Constant
hi def link policyUnit Type
hi def link policyLang Identifier
hi def link policyDate Number
hi def link policyNumber Number
hi def link policyString String
hi def link policyEscape SpecialChar
hi def link policyComment Comment

let b:current_syntax = 'policy'
