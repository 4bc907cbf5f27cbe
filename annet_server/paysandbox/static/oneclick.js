(function(){
  var f=document.getElementById('oneclickform'); if(!f) return;
  var cvc=f.elements['cvc'], pay=document.getElementById('oneclickpay');
  function check(){var ok=/^[0-9]{3}$/.test(cvc.value.trim());
    if(cvc.value){cvc.classList.toggle('ok',ok);cvc.classList.toggle('bad',!ok);}pay.disabled=!ok;return ok;}
  cvc.addEventListener('input',check);f.addEventListener('submit',function(ev){if(!check())ev.preventDefault();});
  check();
})();
