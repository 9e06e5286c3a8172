# Golden values for SurveyCalculatorTest: an independent implementation of SPEC §5 survey formulas.
# Run: /usr/bin/python3 survey_golden.py (numpy, scipy 1.10.1 from Debian).
import numpy as np, scipy.stats as st
items={'B1':(1,5,False),'B2':(1,5,True),'B3':(1,5,False)}
role={'R1':'mentee','R2':'mentee','R3':'mentee','R4':'mentor','R5':'mentor','R6':'other'}
ans={'baseline':{'R1':{'B1':4,'B2':2,'B3':5,'N1':9},'R2':{'B1':3,'B2':3,'B3':3,'N1':7},'R3':{'B1':5,'B2':1,'B3':4,'N1':10},
                 'R4':{'B1':2,'B2':4,'B3':2,'N1':5},'R5':{'B1':4,'B2':2,'N1':8},'R6':{'B1':1,'B2':5,'B3':1,'N1':0}},
     'final':{'R1':{'B1':5,'B2':1,'B3':5,'N1':10},'R2':{'B1':4,'B2':2,'B3':4,'N1':9},'R3':{'B1':5,'B2':2,'B3':5,'N1':9},
              'R4':{'B1':3,'B2':3,'B3':3,'N1':6},'R6':{'B1':2,'B2':4,'B3':2,'N1':3}}}
def x(i,v):
    lo,hi,rev=items[i]; t=(v-lo)/(hi-lo); return 1-t if rev else t
def who(r,g): return g=='all' or role[r]==g
for w in ['baseline','final']:
  for g in ['mentee','all']:
    v=[x('B2',a['B2']) for r,a in ans[w].items() if who(r,g)]
    n=len(v); print('items',w,g,'B2 n',n,'mean_100 %.17g fav %.17g neu %.17g unf %.17g'%(100*np.mean(v),100*sum(t>.5 for t in v)/n,100*sum(t==.5 for t in v)/n,100*sum(t<.5 for t in v)/n))
    sc={r:100*np.mean([x(i,a[i]) for i in items if i in a]) for r,a in ans[w].items() if who(r,g)}
    s=np.array(list(sc.values()))
    comp=np.array([[x(i,a[i]) for i in items] for r,a in ans[w].items() if who(r,g) and all(i in a for i in items)])
    k=3; alpha=k/(k-1)*(1-comp.var(axis=0,ddof=1).sum()/comp.sum(axis=1).var(ddof=1))
    print('scales',w,g,'n',len(s),'mean %.17g sd %.17g fav %.17g alpha %.17g alpha_n %d'%(s.mean(),s.std(ddof=1),100*np.mean(s>50),alpha,len(comp)))
    nps=[a['N1'] for r,a in ans[w].items() if who(r,g)]
    n=len(nps); p=sum(v>=9 for v in nps); pa=sum(7<=v<=8 for v in nps); d=sum(v<=6 for v in nps)
    print('enps',w,g,'n',n,'%.17g %.17g %.17g %.17g'%(100*p/n,100*pa/n,100*d/n,100*(p-d)/n))
for g in ['mentee','all']:
    b=[];f=[]
    for r in ans['baseline']:
        if r in ans['final'] and who(r,g):
            b.append(100*np.mean([x(i,ans['baseline'][r][i]) for i in items if i in ans['baseline'][r]]))
            f.append(100*np.mean([x(i,ans['final'][r][i]) for i in items if i in ans['final'][r]]))
    b=np.array(b); f=np.array(f); d=f-b; t=st.ttest_rel(f,b)
    print('change',g,'n',len(d),'base %.17g final %.17g change %.17g dz %.17g t %.17g p %.17g'%(b.mean(),f.mean(),d.mean(),d.mean()/d.std(ddof=1),t.statistic,t.pvalue))
    print('  R: pre<-c(%s); post<-c(%s)'%(','.join('%.17g'%v for v in b),','.join('%.17g'%v for v in f)))
